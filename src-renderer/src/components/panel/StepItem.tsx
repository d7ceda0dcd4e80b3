import type { KeyboardEvent } from 'react';
import { useId, useState } from 'react';
import type { Hypothesis, InputOf, Step } from '../../../../src-preload/contract';
import { baton } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { ConfirmDialog } from '../ConfirmDialog';
import { InlineEdit } from './InlineEdit';
import type { FieldErrors } from './run';
import { attempt, errorFor, focusHeading, run } from './run';
import { SourceBadge } from './SourceBadge';

/** One diagnostic step: its result (options), a note, skip, edit, remove, and its branch. */
export function StepItem({
  step,
  number,
  hypotheses,
}: {
  step: Step;
  number: number;
  hypotheses: Hypothesis[];
}) {
  const applyItem = useAppStore((s) => s.applyItem);
  const dropItem = useAppStore((s) => s.dropItem);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The choice shows at once; the saved step replaces it (or it falls back if saving failed).
  const [choosing, setChoosing] = useState<string | null>(null);
  const selected = choosing ?? step.selectedOption;

  const update = (what: string, patch: Omit<InputOf<'steps:update'>, 'id'>) =>
    attempt(what, baton().steps.update({ id: step.id, ...patch }), (s) => applyItem('steps', s));

  async function remove() {
    const done = await run('Could not remove the step', baton().steps.remove({ id: step.id }));
    if (done === undefined) return;
    dropItem('steps', step.id);
    focusHeading('panel-steps');
  }

  return (
    <li className={`step${step.skipped ? ' step-skipped' : ''}`} aria-label={step.text}>
      <div className="step-head">
        <span className="step-number" aria-hidden="true">
          {number}
        </span>
        {editing ? (
          <InlineEdit
            label={`Text of step ${number}`}
            initial={step.text}
            field="text"
            multiline
            onSave={(text) => update('Could not change the step', { text })}
            onDone={() => setEditing(false)}
          />
        ) : (
          <span className="step-text">{step.text}</span>
        )}
        <SourceBadge source={step.source} />
      </div>
      {step.skipped && <p className="step-skipped-note">Skipped</p>}
      {step.options.length > 0 && (
        <div className="step-options" role="radiogroup" aria-label={`Result of step ${number}`}>
          {step.options.map((option) => (
            <label key={option} className="step-option">
              <input
                type="radio"
                name={`step-${step.id}`}
                value={option}
                checked={selected === option}
                onChange={() => {
                  setChoosing(option);
                  void update('Could not record the result', { selectedOption: option }).finally(() =>
                    setChoosing(null),
                  );
                }}
              />
              {option}
            </label>
          ))}
        </div>
      )}
      <NoteField
        step={step}
        number={number}
        onSave={(freeText) => update('Could not save the note', { freeText })}
      />
      <div className="item-actions">
        {!editing && (
          <button type="button" className="small" onClick={() => setEditing(true)}>
            Edit<span className="visually-hidden"> step {number}</span>
          </button>
        )}
        <button
          type="button"
          className="small"
          aria-pressed={step.skipped}
          onClick={() => void update('Could not change the step', { skipped: !step.skipped })}
        >
          Skip<span className="visually-hidden"> step {number}</span>
        </button>
        <button type="button" className="small danger-quiet" onClick={() => setConfirming(true)}>
          Remove<span className="visually-hidden"> step {number}</span>
        </button>
        {hypotheses.length > 0 && (
          <select
            className="step-branch"
            title={hypotheses.find((h) => h.id === step.hypothesisId)?.label ?? 'Not tied to a hypothesis'}
            aria-label={`Hypothesis for step ${number}`}
            value={step.hypothesisId ?? ''}
            onChange={(e) => void update('Could not move the step', { hypothesisId: e.target.value || null })}
          >
            <option value="">No hypothesis</option>
            {hypotheses.map((h) => (
              <option key={h.id} value={h.id}>
                {h.label}
              </option>
            ))}
          </select>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Remove this step?"
        description={`“${step.text}” and its result will be removed from the session.`}
        confirmLabel="Remove"
        danger
        onConfirm={() => void remove()}
      />
    </li>
  );
}

/** The step's free-text note: saved when the field loses focus or on Enter (Shift+Enter: new line). */
function NoteField({
  step,
  number,
  onSave,
}: {
  step: Step;
  number: number;
  onSave: (freeText: string | null) => Promise<FieldErrors | null>;
}) {
  const saved = step.freeText ?? '';
  const [value, setValue] = useState(saved);
  const [previous, setPrevious] = useState(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const errorId = useId();
  if (saved !== previous) {
    // Changed elsewhere (another window, the assistant): show the new note.
    setPrevious(saved);
    setValue(saved);
  }
  const error = errorFor(errors, 'freeText');

  async function save() {
    if (value.trim() === saved.trim()) return;
    const result = await onSave(value.trim() || null);
    if (result) setErrors(result);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <div className={`step-note${error ? ' has-error' : ''}`}>
      <textarea
        rows={1}
        aria-label={`Note for step ${number}`}
        placeholder="Add a note…"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
