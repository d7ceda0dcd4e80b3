import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../stores/app-store';
import { useHandoffStore } from '../../stores/handoff-store';
import '../../handoff.css';
import { BriefingDetails } from './BriefingDetails';

/** Where a claimer lands: what they picked up and three ways to carry on (DESIGN §3 "Claim"). */
export function BriefingScreen() {
  const handoff = useHandoffStore((s) => s.pickedUp);
  const openSession = useAppStore((s) => s.openSession);
  const setView = useAppStore((s) => s.setView);
  const [analysis, setAnalysis] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  if (!handoff) {
    return (
      <section className="handoffs-view briefing-empty">
        <p className="muted">Nothing picked up yet.</p>
        <button type="button" onClick={() => setView('handoffs')}>
          Go to handoffs
        </button>
      </section>
    );
  }
  const go = () => void openSession(handoff.sessionId);

  return (
    <section className="handoffs-view" aria-labelledby="briefing-title">
      <div className="handoffs-body">
        <div className="pickup card">
          <p className="pickup-kicker">Picked up · {handoff.ticketNumber}</p>
          <h1 id="briefing-title" tabIndex={-1} ref={heading}>
            You picked up “{handoff.sessionTitle}”
          </h1>
          <p className="muted">
            Handed off by {handoff.handedOffByName}
            {handoff.reason ? ` — ${handoff.reason}` : ''}
          </p>
          <div className="pickup-choices">
            <button type="button" className="pickup-choice" onClick={go}>
              <strong>Continue where {handoff.handedOffByName} left off</strong>
              <span>Open the session with the chat and notes as they are</span>
            </button>
            <button
              type="button"
              className={`pickup-choice${analysis ? ' selected' : ''}`}
              aria-expanded={analysis}
              aria-controls="briefing-analysis"
              onClick={() => setAnalysis(true)}
            >
              <strong>Get AI analysis</strong>
              <span>Read the briefing: problem, notes, snapshot and assessment</span>
            </button>
            <button type="button" className="pickup-choice" onClick={go}>
              <strong>I&apos;ll take it from here</strong>
              <span>Go straight to the session</span>
            </button>
          </div>
        </div>
        {analysis && (
          <div id="briefing-analysis" className="pickup-analysis">
            <BriefingDetails handoff={handoff} />
          </div>
        )}
      </div>
    </section>
  );
}
