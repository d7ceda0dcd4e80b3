// Text typed but not yet handed over for saving (the composer, the panel's add forms, open inline
// editors), by field. Kept in a store rather than in the form, so switching views or sessions and
// coming back finds it as it was.
import { create } from 'zustand';

interface DraftsState {
  drafts: Record<string, string>;
  /** undefined removes the draft (sent, or cancelled by the person). */
  setDraft: (key: string, value: string | undefined) => void;
}

export const useDraftsStore = create<DraftsState>()((set) => ({
  drafts: {},
  setDraft(key, value) {
    set((s) => {
      if (value === undefined) {
        if (!(key in s.drafts)) return {};
        const { [key]: _dropped, ...rest } = s.drafts;
        return { drafts: rest };
      }
      return s.drafts[key] === value ? {} : { drafts: { ...s.drafts, [key]: value } };
    });
  },
}));

/** One field's draft: undefined while there is none. */
export function useDraft(key: string): [string | undefined, (value: string | undefined) => void] {
  const value = useDraftsStore((s) => s.drafts[key]);
  const setDraft = useDraftsStore((s) => s.setDraft);
  return [value, (next) => setDraft(key, next)];
}

/** The draft as it is right now (a key handler reads this, not a value captured at render). */
export const currentDraft = (key: string) => useDraftsStore.getState().drafts[key];

/** Whether any field holds typed text that was not handed over for saving. */
export const hasDrafts = () => Object.values(useDraftsStore.getState().drafts).some((v) => v.trim() !== '');
