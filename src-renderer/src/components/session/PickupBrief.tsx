import '../../handoff.css';
import '../../styles/session/trace.css';
import { useEffect, useRef } from 'react';
import type { Handoff } from '../../../../src-preload/contract';
import { useHandoffStore } from '../../stores/handoff-store';
import { BriefingDetails } from '../handoff/BriefingDetails';
import { PriorityBadge } from '../handoff/Badges';

/**
 * What a senior reads first on a session they picked up: who handed it off, why, how urgent, then
 * the package (problem, notes, snapshot) and the assessment. The conversation follows below it.
 */
export function PickupBrief({ handoff, fresh }: { handoff: Handoff; fresh: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened on the brief: it takes the focus (and scrolls into view) once per handoff.
  useEffect(() => heading.current?.focus(), [handoff.id]);
  const close = () => useHandoffStore.getState().closeBrief();
  return (
    <li className="pickup-brief" aria-labelledby="briefing-title">
      <div className="pickup-brief-head">
        <div>
          <p className="pickup-kicker">
            {handoff.intent === 'escalate' ? 'Escalated' : 'Parked'} by {handoff.handedOffByName} ·{' '}
            <PriorityBadge priority={handoff.priority} />
          </p>
          <h2 id="briefing-title" tabIndex={-1} ref={heading}>
            {fresh ? `You picked up “${handoff.sessionTitle}”` : `Briefing: “${handoff.sessionTitle}”`}
          </h2>
          <p className="pickup-why">{handoff.reason || 'No reason given.'}</p>
        </div>
        <button type="button" className="small" onClick={close}>
          Hide the briefing
        </button>
      </div>
      <BriefingDetails handoff={handoff} />
      <p className="pickup-next muted">The conversation so far follows. You can carry on in it below.</p>
    </li>
  );
}
