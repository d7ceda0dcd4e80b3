// Edits that are not saved until the person says so (a settings section, the note editor, the handoff
// form). Leaving them (another view, another session, closing the window) asks first.
import { useEffect, useId } from 'react';
import { create } from 'zustand';
import { hasDrafts } from './drafts-store';
import { useOutboxStore } from './outbox-store';

interface UnsavedState {
  /** Guard id → what holds the edits ("AI assistant settings"). */
  dirty: Record<string, string>;
  /** The open question "Discard unsaved changes?", answered by the LeaveDialog. */
  question: { what: string[]; answer: (discard: boolean) => void } | null;
  mark: (id: string, what: string | null) => void;
}

export const useUnsavedStore = create<UnsavedState>()((set) => ({
  dirty: {},
  question: null,
  mark(id, what) {
    set((s) => {
      if (what === null) {
        if (!(id in s.dirty)) return {};
        const { [id]: _gone, ...rest } = s.dirty;
        return { dirty: rest };
      }
      return s.dirty[id] === what ? {} : { dirty: { ...s.dirty, [id]: what } };
    });
  },
}));

/** Registers edits while `dirty`; dropped when the form goes away. */
export function useUnsavedGuard(what: string, dirty: boolean) {
  const id = useId();
  useEffect(() => {
    useUnsavedStore.getState().mark(id, dirty ? what : null);
  }, [id, what, dirty]);
  useEffect(() => () => useUnsavedStore.getState().mark(id, null), [id]);
}

/** Resolves true when there is nothing to lose or the person chose to discard it. */
export function confirmDiscard(): Promise<boolean> {
  const { dirty, question } = useUnsavedStore.getState();
  const what = [...new Set(Object.values(dirty))];
  if (what.length === 0) return Promise.resolve(true);
  question?.answer(false);
  return new Promise((resolve) => {
    useUnsavedStore.setState({
      question: {
        what,
        answer: (discard) => {
          useUnsavedStore.setState({ question: null });
          resolve(discard);
        },
      },
    });
  });
}

export const hasUnsavedEdits = () => Object.keys(useUnsavedStore.getState().dirty).length > 0;

/** Closing or reloading the window would lose something: edits, typed drafts, or saves in flight. */
export const wouldLoseWork = () =>
  hasUnsavedEdits() || hasDrafts() || useOutboxStore.getState().items.length > 0;
