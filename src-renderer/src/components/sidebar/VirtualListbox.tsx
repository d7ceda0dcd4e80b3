import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { Range } from '@tanstack/react-virtual';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';

/** Rows within this many of the last loaded one ask for the next page. */
const NEAR_END = 50;
const GAP = 2;
const PADDING = 6;

export const optionId = (key: string) => `session-option-${key}`;

interface Props<T> {
  id: string;
  label: string;
  items: T[];
  /** Fixed row height, gap included: fixed heights keep scrolling 100,000 rows cheap. */
  rowHeight: number;
  getKey: (item: T) => string;
  /** The keyboard highlight; -1 for none. Kept rendered even when scrolled out of view. */
  activeIndex: number;
  /** aria-setsize: the total when known, -1 while more pages may follow. */
  setSize: number;
  isSelected: (item: T) => boolean;
  renderOption: (item: T) => ReactNode;
  onPick: (item: T) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  /** Called while the rendered rows are near the end of what is loaded. */
  onNearEnd?: () => void;
  /** Where the list was scrolled when it last unmounted; restored on mount. */
  savedOffset: RefObject<number>;
}

/**
 * A listbox that renders only the rows in view (plus a few either side, plus the highlighted one so
 * aria-activedescendant always points at an element). The scroll container is the listbox.
 */
export function VirtualListbox<T>(props: Props<T>) {
  const { items, rowHeight, activeIndex, onNearEnd, savedOffset } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeKey = activeIndex >= 0 && items[activeIndex] ? props.getKey(items[activeIndex]) : null;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || activeIndex >= range.count || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );

  // The React Compiler is not used here; the virtualizer re-renders this component as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    paddingStart: PADDING,
    paddingEnd: PADDING,
    rangeExtractor,
    initialOffset: () => savedOffset.current,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? -1;

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    element.scrollTop = savedOffset.current;
    return () => {
      savedOffset.current = element.scrollTop;
    };
  }, [savedOffset]);

  useEffect(() => {
    if (onNearEnd && items.length > 0 && lastIndex >= items.length - NEAR_END) onNearEnd();
  }, [onNearEnd, lastIndex, items.length]);

  // Follow the highlight when it moves (not when rows above it come and go).
  const activeIndexRef = useRef(activeIndex);
  useLayoutEffect(() => {
    activeIndexRef.current = activeIndex;
  });
  useEffect(() => {
    if (activeKey !== null) virtualizer.scrollToIndex(activeIndexRef.current);
  }, [activeKey, virtualizer]);

  return (
    <div
      ref={scrollRef}
      id={props.id}
      className="session-listbox"
      role="listbox"
      aria-label={props.label}
      tabIndex={0}
      aria-activedescendant={activeKey !== null ? optionId(activeKey) : undefined}
      onKeyDown={props.onKeyDown}
    >
      <div role="presentation" className="session-list-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = items[row.index]!;
          const key = props.getKey(item);
          const selected = props.isSelected(item);
          return (
            <div
              key={key}
              id={optionId(key)}
              role="option"
              aria-selected={selected}
              aria-posinset={row.index + 1}
              aria-setsize={props.setSize}
              data-active={row.index === activeIndex || undefined}
              className={`session-option${selected ? ' selected' : ''}`}
              style={{ height: rowHeight - GAP, transform: `translateY(${row.start}px)` }}
              // Keep focus in the search box (or the list) when a row is clicked.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => props.onPick(item)}
            >
              {props.renderOption(item)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
