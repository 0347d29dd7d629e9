// The context menu on a misspelled syllable: suggestions, then "add to
// dictionary". A real menu for the keyboard: focus starts on the first item,
// arrows move, Escape closes.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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

  useEffect(() => {
    let live = true;
    void props.suggestions.then((found) => live && setSuggestions(found));
    return () => {
      live = false;
    };
  }, [props.suggestions]);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [suggestions]);

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
      style={{ left: props.x, top: props.y }}
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
