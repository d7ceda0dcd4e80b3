import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { Hypothesis, InputOf, Step } from '../../../../src-preload/contract';
import { baton } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { currentDraft, useDraft, useDraftsStore } from '../../stores/drafts-store';
import { useOutboxStore, usePendingChange } from '../../stores/outbox-store';
import { ConfirmDialog } from '../ConfirmDialog';
import { OutboxStatus } from '../OutboxStatus';
import { LimitNote, useTextLimit } from '../TextLimit';
import { InlineEdit } from './InlineEdit';
import { checkStep, checkStepNote, STEP_LIMIT, STEP_NOTE_LIMIT } from './limits';
import { attempt, focusHeading, run } from './run';
import { changeStepText } from './saves';
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
  const editKey = `step-edit:${step.id}`;
  const [editing, setEditing] = useDraft(editKey);
  const change = usePendingChange(step.id, 'text');
  const text = change?.text ?? step.text;
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
    <li className={`step${step.skipped ? ' step-skipped' : ''}`} aria-label={text}>
      <div className="step-head">
        <span className="step-number" aria-hidden="true">
          {number}
        </span>
        {editing !== undefined ? (
          <InlineEdit
            label={`Text of step ${number}`}
            draftKey={editKey}
            initial={text}
            multiline
            limit={STEP_LIMIT}
            check={checkStep}
            onSave={(next) => changeStepText(step, 'text', next)}
          />
        ) : (
          <span className="step-text">{text}</span>
        )}
        <SourceBadge source={step.source} />
      </div>
      {change && <OutboxStatus item={change} noun="change" />}
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
      <NoteField step={step} number={number} />
      <div className="item-actions">
        {editing === undefined && (
          <button type="button" className="small" onClick={() => setEditing(text)}>
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

/**
 * The step's free-text note: saved when the field loses focus, on Enter (Shift+Enter: new line), or
 * when it goes away (a view or session switch) — through the outbox, so typing on is never undone.
 */
function NoteField({ step, number }: { step: Step; number: number }) {
  const key = `step-note:${step.id}`;
  const [draft, setDraft] = useDraft(key);
  const change = usePendingChange(step.id, 'freeText');
  const shown = change ? change.text : (step.freeText ?? '');
  const value = draft ?? shown;
  const [error, setError] = useState<string | null>(null);
  const { refusal, onPaste, clearRefusal } = useTextLimit(STEP_NOTE_LIMIT);
  const errorId = useId();

  const save = () => {
    const problem = saveNote(step);
    setError(problem);
  };
  // Leaving the session or the view with a note typed saves it, as leaving the field does.
  const latest = useRef(step);
  useEffect(() => {
    latest.current = step;
  });
  useEffect(() => () => void saveNote(latest.current), []);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
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
        aria-describedby={`${error ? `${errorId} ` : ''}${errorId}-limit`}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
          clearRefusal();
        }}
        onPaste={onPaste}
        onBlur={save}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <LimitNote id={`${errorId}-limit`} value={value} max={STEP_NOTE_LIMIT.max} refusal={refusal} />
      {change && <OutboxStatus item={change} noun="note" />}
    </div>
  );
}

/** Hands a step's typed note over for saving; the contract's message when it would refuse it. */
function saveNote(step: Step): string | null {
  const key = `step-note:${step.id}`;
  const typed = currentDraft(key);
  if (typed === undefined) return null;
  const change = useOutboxStore
    .getState()
    .items.findLast((i) => i.targetId === step.id && i.field === 'freeText');
  const shown = change ? change.text : (step.freeText ?? '');
  const { setDraft } = useDraftsStore.getState();
  if (typed.trim() === shown.trim()) return (setDraft(key, undefined), null);
  const problem = checkStepNote(typed.trim());
  if (problem) return problem;
  setDraft(key, undefined);
  changeStepText(step, 'freeText', typed.trim() || null);
  return null;
}
