import type { FocusEvent, KeyboardEvent, ReactNode, RefObject } from 'react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Range, VirtualItem } from '@tanstack/react-virtual';
import { defaultRangeExtractor, measureElement, useVirtualizer } from '@tanstack/react-virtual';
import type { HandoffCard as Card } from '../../../../src-preload/contract';
import { HandoffCard } from './HandoffCard';

/** A card before any is measured: title, reason and meta rows (measured cards keep their own height). */
const FIRST_ESTIMATE = 115;
/** Space between cards. */
const GAP = 10;
/** Cards rendered beyond each edge of the view, so Tab always has a next card to land on. */
const OVERSCAN = 4;

/** Performance marks for bench/handoff-queue-paint.bench.ts: the list's first commit, then the frame after it. */
export const QUEUE_COMMIT_MARK = 'handoff-queue:commit';
export const QUEUE_PAINTED_MARK = 'handoff-queue:painted';

/** What the queue remembers while a card is open read-only: where it was scrolled and which card had focus. */
export interface QueuePlace {
  offset: number;
  focusId: string | null;
}

type Control = 'open' | 'claim';

// Cards nearly all come out the same height, so the commonest height measured so far is the estimate for
// the cards not measured yet. A measurement that differs from the estimate re-lays out every card after
// it; with a good estimate, scrolling through 10,000 new cards moves nothing.
const heightsSeen = new Map<number, number>();
let typicalHeight = FIRST_ESTIMATE;
function seenHeight(height: number): number {
  const count = (heightsSeen.get(height) ?? 0) + 1;
  heightsSeen.set(height, count);
  if (count > (heightsSeen.get(typicalHeight) ?? 0)) typicalHeight = height;
  return height;
}

interface Props {
  queue: Card[];
  /** How many wait in all (the list announces it; cards past the loaded pages come as it scrolls). */
  total: number;
  /** Asks for the next page; called when the cards near the end of the loaded ones come into view. */
  loadMore: () => void;
  claiming: string[];
  onOpen: (id: string) => void;
  onClaim: (id: string) => void;
  /** Restored on mount (scroll position, focus), written back on unmount. */
  place: RefObject<QueuePlace>;
  /** Shown above the cards, scrolling with them (the "could not load" banner). */
  above?: ReactNode;
}

/**
 * The Handoffs queue, virtualized: only the cards in view (and a few either side) are in the DOM, so a
 * queue of 10,000 paints and scrolls like one of ten. Cards keep their natural height (measured as they
 * render). Each card carries aria-posinset / aria-setsize; the card that has focus (and its neighbours)
 * stays rendered when scrolled away, so Tab and Shift+Tab continue from it. Up and Down move between
 * cards (to the same button), Home and End to the first and last.
 */
export function HandoffList({ queue, total, loadMore, claiming, onOpen, onClaim, place, above }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const aboveRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // How far the list starts below the top of the scroller (its padding, plus the banner when shown).
  const [scrollMargin, setScrollMargin] = useState(0);
  const [focusedId, setFocusedId] = useState<string | null>(() => place.current.focusId);
  // A card to move focus to once it is rendered (keyboard moves; coming back from a card).
  const pendingFocus = useRef<{ id: string; control: Control } | null>(
    place.current.focusId ? { id: place.current.focusId, control: 'open' } : null,
  );

  // Looked up one id at a time: a map of 10,000 ids rebuilt on every change to the queue costs more.
  const indexOf = useCallback((id: string) => queue.findIndex((h) => h.id === id), [queue]);
  const focusedIndex = useMemo(() => (focusedId ? indexOf(focusedId) : -1), [indexOf, focusedId]);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedIndex < 0) return indexes;
      const keep = [focusedIndex - 1, focusedIndex, focusedIndex + 1].filter(
        (i) => i >= 0 && i < range.count && !indexes.includes(i),
      );
      return keep.length === 0 ? indexes : [...indexes, ...keep].sort((a, b) => a - b);
    },
    [focusedIndex],
  );
  const getItemKey = useCallback((index: number) => queue[index]?.id ?? index, [queue]);

  // The React Compiler is not used here; the virtualizer re-renders this component as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: queue.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => typicalHeight,
    measureElement: (element, entry, instance) => seenHeight(measureElement(element, entry, instance)),
    getItemKey,
    gap: GAP,
    overscan: OVERSCAN,
    scrollMargin,
    rangeExtractor,
    initialOffset: () => place.current.offset,
  });

  // Scroll position and focus survive opening a card and coming back.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const saved = place.current;
    if (!scroller) return;
    scroller.scrollTop = saved.offset;
    return () => {
      saved.offset = scroller.scrollTop;
    };
  }, [place]);
  useEffect(() => {
    place.current.focusId = focusedId;
  }, [place, focusedId]);

  // Chromium keeps what is in view still when content changes above it (scroll anchoring), but not
  // for absolutely placed cards: so when the queue changes (a new handoff on top, one claimed above the
  // view), the list itself keeps the card at the top of the view where it was.
  const topCard = useRef<{ key: VirtualItem['key']; below: number } | null>(null);
  const anchoredQueue = useRef(queue);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const offset = virtualizer.scrollOffset ?? 0;
    const top = topCard.current;
    if (anchoredQueue.current !== queue && scroller && top && offset > 0) {
      const index = indexOf(String(top.key));
      const item = index < 0 ? undefined : virtualizer.measurementsCache[index];
      if (item && Math.abs(item.start + top.below - offset) >= 1) scroller.scrollTop = item.start + top.below;
    }
    anchoredQueue.current = queue;
    const first = virtualizer.getVirtualItemForOffset(offset);
    topCard.current = first ? { key: first.key, below: offset - first.start } : null;
  });

  useEffect(() => {
    const list = listRef.current;
    const banner = aboveRef.current;
    if (!list || !banner) return;
    const observer = new ResizeObserver(() => setScrollMargin(list.offsetTop));
    observer.observe(banner);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    // Only the latest pair is kept: the marks are for measuring, not a log.
    performance.clearMarks(QUEUE_COMMIT_MARK);
    performance.clearMarks(QUEUE_PAINTED_MARK);
    performance.mark(QUEUE_COMMIT_MARK);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => performance.mark(QUEUE_PAINTED_MARK));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);

  // After every render: hand focus to the card it is waiting for, once that card is in the DOM.
  useLayoutEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    const index = indexOf(want.id);
    if (index < 0) {
      pendingFocus.current = null;
      return;
    }
    const card = listRef.current?.querySelector(`[data-index="${index}"]`);
    if (!card) return;
    pendingFocus.current = null;
    const target =
      (want.control === 'claim' && card.querySelector<HTMLButtonElement>('.claim-button:not(:disabled)')) ||
      card.querySelector<HTMLButtonElement>('.handoff-open');
    target?.focus({ preventScroll: true });
  });

  const moveFocus = (to: number, control: Control) => {
    const index = Math.max(0, Math.min(queue.length - 1, to));
    const target = queue[index];
    if (!target) return;
    pendingFocus.current = { id: target.id, control };
    setFocusedId(target.id);
    // The first card goes back to the very top (the list's padding above it in view too).
    if (index === 0) virtualizer.scrollToOffset(0);
    else virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const control = event.target as HTMLElement;
    const card = control.closest<HTMLElement>('[data-index]');
    if (!card || control.tagName !== 'BUTTON') return;
    const index = Number(card.dataset.index);
    const moves: Record<string, number | undefined> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: queue.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveFocus(next, control.classList.contains('claim-button') ? 'claim' : 'open');
  };

  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    const id = card ? queue[Number(card.dataset.index)]?.id : undefined;
    if (id) setFocusedId(id);
  };
  const onBlur = (event: FocusEvent<HTMLUListElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocusedId(null);
  };

  const claimingSet = useMemo(() => new Set(claiming), [claiming]);
  const setSize = Math.max(total, queue.length);
  // The cards near the end of the loaded pages are in view: ask for the next page (the store asks
  // once at a time, and not at all after the last page).
  const lastInView = virtualizer.getVirtualItems().at(-1)?.index ?? -1;
  useEffect(() => {
    if (queue.length < setSize && lastInView >= queue.length - OVERSCAN * 2) loadMore();
  }, [lastInView, queue.length, setSize, loadMore]);
  return (
    <div ref={scrollRef} className="handoffs-body handoff-scroller">
      <div ref={aboveRef}>{above}</div>
      <p id="handoff-list-keys" className="visually-hidden">
        Up and Down arrows move between handoffs; Home and End go to the first and the last.
      </p>
      <ul
        ref={listRef}
        className="handoff-list"
        aria-label="Waiting handoffs"
        aria-describedby="handoff-list-keys"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const handoff = queue[row.index]!;
          return (
            <HandoffCard
              key={handoff.id}
              handoff={handoff}
              claiming={claimingSet.has(handoff.id)}
              onOpen={onOpen}
              onClaim={onClaim}
              index={row.index}
              setSize={setSize}
              top={row.start - scrollMargin}
              measureRef={virtualizer.measureElement}
            />
          );
        })}
      </ul>
    </div>
  );
}
