import '../../styles/session/trace.css';
import type { HandoffState } from '../../../../src-preload/contract';
import { TimeAgo, clockTime } from '../TimeAgo';
import { CopyTicketNumber } from './CopyTicketNumber';
import { ViewPostedNote } from './PostedNoteDialog';
import { placeWords } from './trace-words';
import { PRIORITY_LABEL } from '../../../../src-preload/contract';

/**
 * The session header's handoff chip: where the handoff stands now (waiting for a senior, picked up,
 * parked, resumed, resolved) with the support ticket number to copy. Nothing for a session never
 * handed off nor resolved.
 */
export function HandoffChip({ state }: { state: HandoffState | null }) {
  if (!state) return null;
  return (
    <div className={`handoff-chip handoff-chip-${state.kind}`} role="group" aria-label="Handoff">
      <span className="handoff-chip-state" role="status">
        <StateWords state={state} />
      </span>
      {state.kind === 'resolved' && state.note && (
        <ViewPostedNote label="View note" note={state.note} place={state.place} />
      )}
      {state.ticketNumber && <CopyTicketNumber number={state.ticketNumber} />}
    </div>
  );
}

function StateWords({ state }: { state: HandoffState }) {
  switch (state.kind) {
    case 'waiting':
      return (
        <>
          <strong>Waiting for {state.targetName ?? 'a senior'}</strong> since{' '}
          <time dateTime={new Date(state.since).toISOString()}>{clockTime(state.since)}</time> ·{' '}
          {PRIORITY_LABEL[state.priority]}
        </>
      );
    case 'picked-up':
      return (
        <>
          <strong>Picked up by {state.byName}</strong> <TimeAgo at={state.at} />
        </>
      );
    case 'parked':
      return (
        <span title={state.notes ? `${state.reason}\n\n${state.notes}` : state.reason}>
          <strong>Parked by {state.byName}</strong> <TimeAgo at={state.at} /> — {state.reason}
        </span>
      );
    case 'resumed':
      return (
        <>
          <strong>Resumed by {state.byName}</strong> <TimeAgo at={state.at} />
        </>
      );
    case 'left-queue':
      return (
        <>
          <strong>Taken up in ConnectWise</strong> <TimeAgo at={state.at} />
        </>
      );
    case 'resolved':
      return (
        <>
          <strong>Resolved</strong> <TimeAgo at={state.at} /> · {placeWords(state.place)}
        </>
      );
  }
}
