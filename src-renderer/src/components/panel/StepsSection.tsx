import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import type { Hypothesis, Step } from '../../../../src-preload/contract';
import { StepAddInput } from '../../../../src-preload/contract';
import { currentDraft, useDraft } from '../../stores/drafts-store';
import { useOutboxStore } from '../../stores/outbox-store';
import { LimitNote, useTextLimit } from '../TextLimit';
import { STEP_LIMIT } from './limits';
import { PendingRow } from './PendingRow';
import type { FieldErrors } from './run';
import { errorFor, errorUnder } from './run';
import { addStep, pendingAdds } from './saves';
import { SectionHeading } from './SectionHeading';
import { StepItem } from './StepItem';

export function StepsSection({
  sessionId,
  steps,
  hypotheses,
}: {
  sessionId: string;
  steps: Step[];
  hypotheses: Hypothesis[];
}) {
  const outbox = useOutboxStore((s) => s.items);
  const pending = pendingAdds(outbox, sessionId, 'steps', steps);
  return (
    <section className="panel-section" aria-labelledby="panel-steps">
      <SectionHeading id="panel-steps" title="Steps" count={steps.length} />
      {steps.length + pending.length === 0 ? (
        <p className="panel-empty">No steps yet. The assistant suggests some as you go, or add your own.</p>
      ) : (
        <ol className="step-list">
          {steps.map((step, index) => (
            <StepItem key={step.id} step={step} number={index + 1} hypotheses={hypotheses} />
          ))}
          {pending.map((item) => (
            <PendingRow key={item.id} item={item} noun="step" className="step" />
          ))}
        </ol>
      )}
      <AddStep sessionId={sessionId} hypotheses={hypotheses} />
    </section>
  );
}

/** "New step…" opens the form; Escape or Cancel closes it and gives focus back to the button. */
function AddStep({ sessionId, hypotheses }: { sessionId: string; hypotheses: Hypothesis[] }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <>
      <button
        ref={toggle}
        type="button"
        className="small add-toggle"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => setOpen(!open)}
      >
        New step…
      </button>
      {open && <AddStepForm id={formId} sessionId={sessionId} hypotheses={hypotheses} onClose={close} />}
    </>
  );
}

/** Text, optional comma-separated options ("Yes, No, Not sure") and, optionally, its hypothesis.
 * Adding hands the step over and clears the form at once (the step shows "Saving…" in the list). */
function AddStepForm({
  id: formId,
  sessionId,
  hypotheses,
  onClose,
}: {
  id: string;
  sessionId: string;
  hypotheses: Hypothesis[];
  onClose: () => void;
}) {
  const textKey = `step-add:${sessionId}`;
  const optionsKey = `step-add-options:${sessionId}`;
  const [text = '', setText] = useDraft(textKey);
  const [options = '', setOptions] = useDraft(optionsKey);
  const [hypothesisId, setHypothesisId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const { refusal, onPaste, clearRefusal } = useTextLimit(STEP_LIMIT);
  const id = useId();
  const textError = errorFor(errors, 'text');
  const optionsError = errorUnder(errors, 'options');

  function submit(event: FormEvent) {
    event.preventDefault();
    const list = (currentDraft(optionsKey) ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    const input = {
      text: (currentDraft(textKey) ?? '').trim(),
      options: list,
      hypothesisId: hypothesisId || null,
    };
    const parsed = StepAddInput.safeParse({ sessionId, ...input });
    if (!parsed.success)
      return setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
    setErrors({});
    setText(undefined);
    setOptions(undefined);
    clearRefusal();
    addStep(sessionId, input);
  }

  return (
    <form
      id={formId}
      className="add-form add-step"
      aria-label="Add step"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className={`field${textError ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-text`}>Step</label>
        <input
          id={`${id}-text`}
          type="text"
          value={text}
          placeholder="e.g. Clear the cached credentials"
          autoFocus
          aria-invalid={textError ? true : undefined}
          aria-describedby={`${textError ? `${id}-text-error ` : ''}${id}-text-limit`}
          onChange={(e) => {
            setText(e.target.value === '' ? undefined : e.target.value);
            clearRefusal();
          }}
          onPaste={onPaste}
        />
        {textError && (
          <p id={`${id}-text-error`} className="field-error" role="alert">
            {textError}
          </p>
        )}
        <LimitNote id={`${id}-text-limit`} value={text} max={STEP_LIMIT.max} refusal={refusal} />
      </div>
      <div className={`field${optionsError ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-options`}>Options (optional)</label>
        <input
          id={`${id}-options`}
          type="text"
          value={options}
          placeholder="Comma-separated, e.g. Fixed, No change"
          aria-invalid={optionsError ? true : undefined}
          aria-describedby={optionsError ? `${id}-options-error` : undefined}
          onChange={(e) => setOptions(e.target.value === '' ? undefined : e.target.value)}
        />
        {optionsError && (
          <p id={`${id}-options-error`} className="field-error" role="alert">
            {optionsError}
          </p>
        )}
      </div>
      {hypotheses.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-branch`}>Hypothesis (optional)</label>
          <select id={`${id}-branch`} value={hypothesisId} onChange={(e) => setHypothesisId(e.target.value)}>
            <option value="">No hypothesis</option>
            {hypotheses.map((h) => (
              <option key={h.id} value={h.id}>
                {h.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="add-step-actions">
        <button type="submit" className="small primary">
          Add step
        </button>
        <button type="button" className="small" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
