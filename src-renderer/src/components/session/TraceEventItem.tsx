import '../../styles/session/trace.css';
import type { TraceEvent } from '../../../../src-preload/contract';
import { TimeAgo } from '../TimeAgo';
import { ViewPostedNote } from './PostedNoteDialog';
import { placeWords } from './trace-words';
import { PRIORITY_LABEL } from '../../../../src-preload/contract';

/** One step of the handoff story, in the conversation where it happened (both sides see it). */
export function TraceEventItem({
  event,
  onBriefing,
}: {
  event: TraceEvent;
  onBriefing?: (id: string) => void;
}) {
  return (
    <li className={`trace-event trace-${event.kind}`} aria-label={`Handoff: ${summary(event)}`}>
      <span className="trace-dot" aria-hidden="true" />
      <div className="trace-body">
        <p className="trace-line">
          <strong>{summary(event)}</strong> <TimeAgo at={event.at} />
        </p>
        {(event.kind === 'escalated' || event.kind === 'parked') && (
          <>
            <p className="trace-detail">
              {PRIORITY_LABEL[event.priority]}
              {event.targetName ? ` · for ${event.targetName}` : ''}
              {event.ticketNumber ? ` · ${event.ticketNumber}` : ''}
              {event.origin === 'psa' ? ' · from ConnectWise' : ''}
            </p>
            {event.reason && <p className="trace-text">{event.reason}</p>}
            {event.notes && <p className="trace-text trace-notes">{event.notes}</p>}
            {onBriefing && event.kind === 'escalated' && (
              <button type="button" className="link-button" onClick={() => onBriefing(event.handoffId)}>
                Read the briefing
              </button>
            )}
          </>
        )}
        {event.kind === 'resolved' && (
          <>
            {event.summary && <p className="trace-text">{event.summary}</p>}
            {event.note && (
              <ViewPostedNote label="View the posted note" note={event.note} place={event.place} />
            )}
          </>
        )}
      </div>
    </li>
  );
}

function summary(event: TraceEvent): string {
  switch (event.kind) {
    case 'escalated':
      return `${event.byName} escalated this to a senior`;
    case 'parked':
      return `${event.byName} parked this`;
    case 'picked-up':
      return `${event.byName} picked this up`;
    case 'resumed':
      return `${event.byName} resumed this`;
    case 'left-queue':
      return 'Taken up in ConnectWise (claimed, moved or closed there)';
    case 'resolved':
      return `${event.byName ? `${event.byName} resolved this` : 'Resolved'} · ${placeWords(event.place)}`;
  }
}
