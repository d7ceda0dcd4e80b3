import type { OutboxItem } from '../../stores/outbox-store';
import { OutboxStatus } from '../OutboxStatus';

/** A fact, step or hypothesis typed but not stored yet: its text and where its save stands. */
export function PendingRow({ item, noun, className }: { item: OutboxItem; noun: string; className: string }) {
  return (
    <li className={`${className} pending-row`} aria-label={item.text}>
      <span className="pending-text">{item.text}</span>
      <OutboxStatus item={item} noun={noun} />
    </li>
  );
}
