// The context menu on a misspelled syllable: suggestions, then "add to
// dictionary". A real menu for the keyboard: focus starts on the first item,
// arrows move, Escape closes. It always lies wholly inside the window: near the
// bottom edge it opens above the word, near the right edge it moves left.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** Room kept between the menu and the window's edges. */
const EDGE = 8;
/** The menu opens this far under the pointer; above it, this far over it. */
const GAP = 4;

/** Where a menu of this size goes for a click at (x, y) in a window of this size. */
export function placeMenu(click: { x: number; y: number }, menu: { width: number; height: number }, window: { width: number; height: number }): { left: number; top: number } {
  const left = Math.max(EDGE, Math.min(click.x, window.width - menu.width - EDGE));
  const below = click.y + GAP;
  const above = click.y - GAP - menu.height;
  const top = below + menu.height <= window.height - EDGE ? below : above >= EDGE ? above : Math.max(EDGE, window.height - menu.height - EDGE);
  return { left, top };
}
import { useTranslation } from 'react-i18next';

export function SpellMenu(props: {
  word: string;
  x: number;
  y: number;
  suggestions: Promise<string[]>;
  onReplace: (replacement: string) => void;
  onAdd: () => void;
  onClose: () => void;
}): ReactNode {
  const { t } = useTranslation('editor');
  const [suggestions, setSuggestions] = useState<string[] | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  // Measured before the browser paints, and again when the suggestions change the menu's height.
  useLayoutEffect(() => {
    const element = menu.current;
    if (element === null) return;
    const { width, height } = element.getBoundingClientRect();
    setPlace(placeMenu({ x: props.x, y: props.y }, { width, height }, { width: window.innerWidth, height: window.innerHeight }));
  }, [props.x, props.y, suggestions]);

  useEffect(() => {
    let live = true;
    void props.suggestions.then((found) => live && setSuggestions(found));
    return () => {
      live = false;
    };
  }, [props.suggestions]);

  // Once placed (a hidden menu cannot take the focus), and again when the suggestions arrive.
  useEffect(() => {
    if (place !== null) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [suggestions, place]);

  useEffect(() => {
    const close = (event: PointerEvent): void => {
      if (!menu.current?.contains(event.target as Node)) props.onClose();
    };
    window.addEventListener('pointerdown', close, true);
    return () => window.removeEventListener('pointerdown', close, true);
  }, [props]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const current = items.indexOf(document.activeElement as HTMLElement);
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    } else if (step[event.key] !== undefined && items.length > 0) {
      event.preventDefault();
      items[(current + (step[event.key] ?? 0) + items.length) % items.length]?.focus();
    }
  };

  return (
    <div
      ref={menu}
      className="nd-spell-menu"
      role="menu"
      aria-label={t('spellMenu', { word: props.word })}
      data-testid="spell-menu"
      style={place === null ? { left: props.x, top: props.y, visibility: 'hidden' } : { left: place.left, top: place.top, maxHeight: `calc(100vh - ${2 * EDGE}px)` }}
      onKeyDown={onKeyDown}
    >
      {suggestions === null && <p className="nd-muted">{t('spellLoading')}</p>}
      {suggestions !== null && suggestions.length === 0 && <p className="nd-muted">{t('spellNoSuggestions')}</p>}
      {suggestions?.map((suggestion) => (
        <button key={suggestion} type="button" role="menuitem" tabIndex={-1} onClick={() => props.onReplace(suggestion)}>
          {suggestion}
        </button>
      ))}
      <hr />
      <button type="button" role="menuitem" tabIndex={-1} onClick={props.onAdd} data-testid="spell-add">
        {t('spellAdd')}
      </button>
    </div>
  );
}
