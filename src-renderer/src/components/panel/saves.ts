// The side panel's typed texts go through the outbox (stores/outbox-store.ts): each form hands its
// text over and clears at once; the text shows in its list ("Saving…") until the stored row replaces
// it, or stays with Retry when saving fails. Adds carry the id the row will have, so a retry never
// stores it twice.
import type { Fact, Hypothesis, Step } from '../../../../src-preload/contract';
import { baton } from '../../api/client';
import type { PanelItems, PanelKind } from '../../stores/app-store';
import { useAppStore } from '../../stores/app-store';
import type { OutboxItem, OutboxState } from '../../stores/outbox-store';
import { useOutboxStore } from '../../stores/outbox-store';

const applier =
  <K extends PanelKind>(kind: K) =>
  (item: PanelItems[K]) =>
    useAppStore.getState().applyItem(kind, item);

const enqueue: OutboxState['enqueue'] = (item, send, apply) =>
  useOutboxStore.getState().enqueue(item, send, apply);

export function addFact(sessionId: string, text: string) {
  const id = crypto.randomUUID();
  enqueue(
    { id, sessionId, list: 'facts', text },
    () => baton().facts.add({ sessionId, id, text }),
    applier('facts'),
  );
}

export function changeFact(fact: Fact, text: string) {
  enqueue(
    { sessionId: fact.sessionId, list: 'facts', targetId: fact.id, field: 'text', text },
    () => baton().facts.update({ id: fact.id, text }),
    applier('facts'),
  );
}

export function addHypothesis(sessionId: string, label: string, parentId: string | null = null) {
  const id = crypto.randomUUID();
  enqueue(
    { id, sessionId, list: 'hypotheses', text: label, parentId },
    () => baton().hypotheses.add({ sessionId, id, label, parentId }),
    applier('hypotheses'),
  );
}

export function renameHypothesis(branch: Hypothesis, label: string) {
  enqueue(
    { sessionId: branch.sessionId, list: 'hypotheses', targetId: branch.id, field: 'label', text: label },
    () => baton().hypotheses.update({ id: branch.id, label }),
    applier('hypotheses'),
  );
}

export function addStep(
  sessionId: string,
  input: { text: string; options: string[]; hypothesisId: string | null },
) {
  const id = crypto.randomUUID();
  enqueue(
    { id, sessionId, list: 'steps', text: input.text },
    () => baton().steps.add({ sessionId, id, ...input }),
    applier('steps'),
  );
}

/** A step's text or its note (null clears the note). */
export function changeStepText(step: Step, field: 'text' | 'freeText', value: string | null) {
  enqueue(
    { sessionId: step.sessionId, list: 'steps', targetId: step.id, field, text: value ?? '' },
    () => baton().steps.update({ id: step.id, [field]: value }),
    applier('steps'),
  );
}

/** Adds of a list not stored yet (the stored row, once here, replaces its typed copy). */
export function pendingAdds(
  items: OutboxItem[],
  sessionId: string,
  list: OutboxItem['list'],
  stored: { id: string }[],
): OutboxItem[] {
  const ids = new Set(stored.map((s) => s.id));
  return items.filter(
    (i) => i.sessionId === sessionId && i.list === list && i.targetId === null && !ids.has(i.id),
  );
}
