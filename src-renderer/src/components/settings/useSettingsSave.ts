import type { Dispatch, FormEvent, SetStateAction } from 'react';
import { useState } from 'react';
import { toast } from 'sonner';
import { BatonError } from '../../api/client';
import { errorMessage } from '../../stores/queue-store';

/**
 * After a save answers, the form takes the saved values only if the person did not change it while
 * the save was on its way: what they typed meanwhile is never overwritten by the earlier save.
 */
export function takeSaved<F>(setForm: Dispatch<SetStateAction<F>>, sent: F, saved: F) {
  setForm((now) => (now === sent ? saved : now));
}

/**
 * A settings form's save: per-field messages from a VALIDATION reply (by input path), anything
 * else as one form-level message; the typed values stay in the form whatever happens.
 */
export function useSettingsSave(options: { save: () => Promise<unknown>; saved: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  /** Shows a failed call the way a failed save is shown (e.g. a Test refused with VALIDATION). */
  function fail(err: unknown) {
    if (err instanceof BatonError && err.code === 'VALIDATION') {
      const fields = err.fieldErrors();
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(err.message);
    } else setFormError(errorMessage(err));
  }

  /** Drops every message (the form changed so much that none of them applies). */
  function reset() {
    setErrors({});
    setFormError(null);
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setSaving(true);
    reset();
    try {
      await options.save();
      toast.success(options.saved);
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  }

  /** Drops the message of a field the user is changing. */
  const clearError = (path: string) =>
    setErrors((e) => (path in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== path)) : e));

  return { errors, formError, saving, submit, clearError, fail, reset };
}
