// The words for a session's handoff story, shared by the header chip and the timeline so both say
// the same thing the same way.
import type { Priority, ResolutionPlace } from '../../../../src-preload/contract';

const PRIORITY: Record<Priority, string> = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' };
export const priorityWord = (p: Priority) => PRIORITY[p];

/** "posted to ConnectWise #1006" / "kept in Baton". */
export function placeWords(place: ResolutionPlace): string {
  return place.kind === 'connectwise' ? `posted to ConnectWise #${place.ticketId}` : 'kept in Baton';
}

/** "10:42" today, "Dec 3, 10:42" otherwise: when a handoff started waiting. */
export function clockTime(at: number, now = Date.now()): string {
  const when = new Date(at);
  const sameDay = new Date(now).toDateString() === when.toDateString();
  return sameDay
    ? when.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : when.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
