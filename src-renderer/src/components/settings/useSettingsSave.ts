import type { FormEvent } from 'react';
import { useState } from 'react';
import { toast } from 'sonner';
import { BatonError } from '../../api/client';
import { errorMessage } from '../../stores/queue-store';

/**
 * A settings form's save: per-field messages from a VALIDATION reply (by input path), anything
 * else as one form-level message; the typed values stay in the form whatever happens.
 */
export function useSettingsSave(options: { save: () => Promise<unknown>; saved: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      await options.save();
      toast.success(options.saved);
    } catch (err) {
      if (err instanceof BatonError && err.code === 'VALIDATION') {
        const fields = err.fieldErrors();
        setErrors(fields);
        if (Object.keys(fields).length === 0) setFormError(err.message);
      } else setFormError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  /** Drops the message of a field the user is changing. */
  const clearError = (path: string) =>
    setErrors((e) => (path in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== path)) : e));

  return { errors, formError, saving, submit, clearError };
}
