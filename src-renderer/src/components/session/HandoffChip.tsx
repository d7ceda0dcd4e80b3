import '../../styles/session/trace.css';
import { useState } from 'react';
import type { HandoffState } from '../../../../src-preload/contract';
import { TimeAgo } from '../TimeAgo';
import { CopyTicketNumber } from './CopyTicketNumber';
import { PostedNoteDialog } from './PostedNoteDialog';
import { clockTime, placeWords, priorityWord } from './trace-words';

/**
 * The session header's handoff chip: where the handoff stands now (waiting for a senior, picked up,
 * parked, resumed, resolved) with the support ticket number to copy. Nothing for a session never
 * handed off nor resolved.
 */
export function HandoffChip({ state }: { state: HandoffState | null }) {
  const [noteOpen, setNoteOpen] = useState(false);
  if (!state) return null;
  return (
    <div className={`handoff-chip handoff-chip-${state.kind}`} role="group" aria-label="Handoff">
      <span className="handoff-chip-state" role="status">
        <StateWords state={state} />
      </span>
      {state.kind === 'resolved' && state.note && (
        <>
          <button type="button" className="link-button" onClick={() => setNoteOpen(true)}>
            View note
          </button>
          <PostedNoteDialog
            note={state.note}
            place={state.place}
            open={noteOpen}
            onOpenChange={setNoteOpen}
          />
        </>
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
          {priorityWord(state.priority)}
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
