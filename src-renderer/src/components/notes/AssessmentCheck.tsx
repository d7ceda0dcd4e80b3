import { useEffect, useId, useState } from 'react';
import type { AssessmentToCheck, AssessmentVerdict } from '../../../../src-preload/contract';
import { baton, unwrap } from '../../api/client';
import '../../assessment-check.css';

export type AssessmentCheckValue = { handoffId: string; verdict: AssessmentVerdict } | undefined;

const CHOICES: { verdict: AssessmentVerdict; label: string }[] = [
  { verdict: 'right', label: 'Right' },
  { verdict: 'partly', label: 'Partly' },
  { verdict: 'wrong', label: 'Wrong' },
];

/**
 * In the resolve dialog of an escalated session: the escalation assessment's likely cause, and one
 * click to say whether it was right (kept with the resolution; Insights charts how often the
 * assessment is right at each stated confidence). Shows nothing when there is no assessment to check;
 * answering is optional.
 */
export function AssessmentCheck(props: {
  sessionId: string;
  onChange: (value: AssessmentCheckValue) => void;
}) {
  const [assessment, setAssessment] = useState<AssessmentToCheck | null>(null);
  const [verdict, setVerdict] = useState<AssessmentVerdict | null>(null);
  const name = useId();
  const { sessionId, onChange } = props;

  useEffect(() => {
    let live = true;
    unwrap(baton().assessments.latest({ id: sessionId }))
      .then((found) => {
        if (!live || !found) return;
        setAssessment(found);
        setVerdict(found.verdict);
        if (found.verdict) onChange({ handoffId: found.handoffId, verdict: found.verdict });
      })
      // Without it the dialog simply does not ask; resolving never depends on it.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [sessionId, onChange]);

  if (!assessment) return null;
  return (
    <fieldset className="assessment-check">
      <legend>Was the assessment right?</legend>
      <p className="assessment-check-cause">
        The escalation’s assessment said the likely cause was <q>{assessment.likelyCause}</q>{' '}
        <span className="muted">
          ({assessment.confidence} confidence{assessment.draftedOffline ? ', drafted offline' : ''})
        </span>
      </p>
      <div className="assessment-check-choices">
        {CHOICES.map((choice) => (
          <label key={choice.verdict} className={verdict === choice.verdict ? 'selected' : ''}>
            <input
              type="radio"
              name={name}
              value={choice.verdict}
              checked={verdict === choice.verdict}
              onChange={() => {
                setVerdict(choice.verdict);
                onChange({ handoffId: assessment.handoffId, verdict: choice.verdict });
              }}
            />
            {choice.label}
          </label>
        ))}
        {verdict && (
          <button
            type="button"
            className="link small"
            onClick={() => {
              setVerdict(null);
              onChange(undefined);
            }}
          >
            Clear
          </button>
        )}
      </div>
    </fieldset>
  );
}
