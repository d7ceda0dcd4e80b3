// Where a resolution went, in words, shared by the header chip and the timeline so both say
// the same thing the same way.
import type { ResolutionPlace } from '../../../../src-preload/contract';

/** "posted to ConnectWise #1006" / "kept in Baton". */
export function placeWords(place: ResolutionPlace): string {
  return place.kind === 'connectwise' ? `posted to ConnectWise #${place.ticketId}` : 'kept in Baton';
}
