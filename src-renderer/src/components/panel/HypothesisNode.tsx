import { useRef, useState } from 'react';
import type { Hypothesis, HypothesisStatus, InputOf, Step } from '../../../../src-preload/contract';
import { baton } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { useDraft } from '../../stores/drafts-store';
import type { OutboxItem } from '../../stores/outbox-store';
import { usePendingChange } from '../../stores/outbox-store';
import { ConfirmDialog } from '../ConfirmDialog';
import { OutboxStatus } from '../OutboxStatus';
import { AddTextForm } from './AddTextForm';
import { InlineEdit } from './InlineEdit';
import { checkHypothesis, HYPOTHESIS_LIMIT } from './limits';
import { PendingRow } from './PendingRow';
import type { Verdict } from './ReasonDialog';
import { ReasonDialog } from './ReasonDialog';
import { attempt, focusHeading, run } from './run';
import { addHypothesis, renameHypothesis } from './saves';

const STATUS_LABELS: Record<HypothesisStatus, string> = {
  untried: 'Untried',
  active: 'Active',
  dead_end: 'Ruled out',
  solved: 'Confirmed',
};

export interface Tree {
  children: Map<string | null, Hypothesis[]>;
  stepsOf: Map<string, Step[]>;
  /** New branches not stored yet (shown under their parent). */
  pending: OutboxItem[];
}

function stepResult(step: Step): string {
  if (step.skipped) return 'skipped';
  return step.selectedOption ?? (step.freeText ? 'noted' : 'no result yet');
}

/** One branch: label, status chip and reason, what was tried on it, its actions, its sub-branches. */
export function HypothesisNode({ hypothesis: h, tree }: { hypothesis: Hypothesis; tree: Tree }) {
  const applyItem = useAppStore((s) => s.applyItem);
  const dropItem = useAppStore((s) => s.dropItem);
  const editKey = `hypothesis-edit:${h.id}`;
  const [editing, setEditing] = useDraft(editKey);
  const rename = usePendingChange(h.id, 'label');
  const label = rename?.text ?? h.label;
  const [adding, setAdding] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [confirming, setConfirming] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  const children = tree.children.get(h.id) ?? [];
  const pendingChildren = tree.pending.filter((p) => p.parentId === h.id);
  const steps = tree.stepsOf.get(h.id) ?? [];

  const update = (what: string, patch: Omit<InputOf<'hypotheses:update'>, 'id'>) =>
    attempt(what, baton().hypotheses.update({ id: h.id, ...patch }), (next) => applyItem('hypotheses', next));
  const setStatus = (status: HypothesisStatus) =>
    void update('Could not change the hypothesis', { status, reason: null });

  async function remove() {
    if ((await run('Could not remove the hypothesis', baton().hypotheses.remove({ id: h.id }))) === undefined)
      return;
    dropItem('hypotheses', h.id);
    focusHeading('panel-hypotheses');
  }

  return (
    <li className={`branch branch-${h.status}`}>
      <div className="branch-card" role="group" aria-label={label} tabIndex={-1} ref={card}>
        <div className="branch-head">
          {editing !== undefined ? (
            <InlineEdit
              label="Hypothesis"
              draftKey={editKey}
              initial={label}
              limit={HYPOTHESIS_LIMIT}
              check={checkHypothesis}
              onSave={(next) => renameHypothesis(h, next)}
            />
          ) : (
            <span className="branch-label">{label}</span>
          )}
          <span className={`chip chip-${h.status}`}>{STATUS_LABELS[h.status]}</span>
        </div>
        {rename && <OutboxStatus item={rename} noun="change" />}
        {h.reason && (
          <p className="branch-reason">
            <span className="visually-hidden">Reason: </span>
            <span className="branch-reason-text">{h.reason}</span>
          </p>
        )}
        {steps.length > 0 && (
          <div className="branch-steps">
            <p className="branch-steps-title">Tried on this branch</p>
            <ul aria-label={`Steps tried on ${h.label}`}>
              {steps.map((s) => (
                <li key={s.id}>
                  {s.text} <span className="branch-step-result">— {stepResult(s)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="item-actions">
          {h.status === 'untried' && (
            <button type="button" className="small outline" onClick={() => setStatus('active')}>
              Mark active
            </button>
          )}
          {(h.status === 'untried' || h.status === 'active') && (
            <>
              <button type="button" className="small outline" onClick={() => setVerdict('dead_end')}>
                Rule out…
              </button>
              <button type="button" className="small outline" onClick={() => setVerdict('solved')}>
                Confirm…
              </button>
            </>
          )}
          {h.status === 'dead_end' && (
            <button type="button" className="small outline" onClick={() => setStatus('untried')}>
              Revive
            </button>
          )}
          {h.status === 'solved' && (
            <button type="button" className="small outline" onClick={() => setStatus('active')}>
              Reopen
            </button>
          )}
          {editing === undefined && (
            <button type="button" className="small" onClick={() => setEditing(label)}>
              Edit<span className="visually-hidden"> hypothesis</span>
            </button>
          )}
          <button type="button" className="small" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            Add sub-branch
          </button>
          <button type="button" className="small danger-quiet" onClick={() => setConfirming(true)}>
            Remove<span className="visually-hidden"> hypothesis</span>
          </button>
        </div>
        {adding && (
          <AddTextForm
            label={`New sub-branch of ${label}`}
            button="Add"
            placeholder="A narrower idea to test"
            draftKey={`sub-branch-add:${h.id}`}
            limit={HYPOTHESIS_LIMIT}
            check={checkHypothesis}
            autoFocus
            onCancel={() => setAdding(false)}
            onAdd={(childLabel) => {
              addHypothesis(h.sessionId, childLabel, h.id);
              setAdding(false);
            }}
          />
        )}
      </div>
      {children.length + pendingChildren.length > 0 && (
        <ul className="branch-children">
          {children.map((child) => (
            <HypothesisNode key={child.id} hypothesis={child} tree={tree} />
          ))}
          {pendingChildren.map((item) => (
            <PendingRow key={item.id} item={item} noun="hypothesis" className="branch" />
          ))}
        </ul>
      )}
      <ReasonDialog
        verdict={verdict}
        label={h.label}
        onClose={() => setVerdict(null)}
        fallbackFocus={() => card.current?.focus()}
        onSubmit={(status, reason) => update('Could not change the hypothesis', { status, reason })}
      />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Remove this hypothesis?"
        description={`“${h.label}” will be removed from the map. Steps tied to it stay in the Steps list.`}
        confirmLabel="Remove"
        danger
        onConfirm={() => void remove()}
      />
    </li>
  );
}
