// A listbox that renders only the rows in view, so that 100,000 stories cost
// what twenty do. Rows have one fixed height: no measuring while scrolling.
// Keyboard: the listbox takes focus, the arrows move the active row
// (aria-activedescendant), Enter opens it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface VirtualListboxProps {
  label: string;
  testId: string;
  rowTestId: string;
  count: number;
  rowHeight: number;
  /** False while more rows may still load, so assistive tech is not told a wrong total. */
  complete: boolean;
  rowKey: (index: number) => string;
  isSelected: (index: number) => boolean;
  renderRow: (index: number) => ReactNode;
  onActivate: (index: number) => void;
  /** Called when the rows near the end come into view. */
  onNearEnd?: () => void;
}

const NEAR_END_ROWS = 30;

export function VirtualListbox(props: VirtualListboxProps): ReactNode {
  const { count, rowHeight, onNearEnd } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const idPrefix = useId();
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    getItemKey: props.rowKey,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  const activeIndex = Math.min(active, Math.max(count - 1, 0));

  useEffect(() => {
    if (onNearEnd !== undefined && count > 0 && lastShown >= count - NEAR_END_ROWS) onNearEnd();
  }, [lastShown, count, onNearEnd]);

  const moveTo = (index: number): void => {
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageRows,
      PageUp: activeIndex - pageRows,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if ((event.key === 'Enter' || event.key === ' ') && count > 0) {
      event.preventDefault();
      props.onActivate(activeIndex);
    }
  };

  // Tabbing in after scrolling with the mouse: start from a row that can be seen, not one scrolled away.
  const onFocus = (): void => {
    const offset = virtualizer.scrollOffset ?? 0;
    const height = scrollRef.current?.clientHeight ?? 0;
    const visible = rows.filter((row) => row.end > offset && row.start < offset + height);
    if (visible.length > 0 && !visible.some((row) => row.index === activeIndex)) setActive(visible[0]?.index ?? 0);
  };

  const optionId = (index: number): string => `${idPrefix}-row-${index}`;
  return (
    <div
      ref={scrollRef}
      className="vlist"
      role="listbox"
      aria-label={props.label}
      aria-activedescendant={count > 0 ? optionId(activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      data-testid={props.testId}
    >
      <div className="vlist-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <div
            key={row.key}
            id={optionId(row.index)}
            className={row.index === activeIndex ? 'vlist-row is-active' : 'vlist-row'}
            role="option"
            aria-selected={props.isSelected(row.index)}
            aria-posinset={row.index + 1}
            aria-setsize={props.complete ? count : -1}
            data-testid={props.rowTestId}
            style={{ height: rowHeight, transform: `translateY(${row.start}px)` }}
            onClick={() => {
              setActive(row.index);
              props.onActivate(row.index);
            }}
          >
            {props.renderRow(row.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
