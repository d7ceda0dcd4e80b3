import { toast } from 'sonner';
import type { Envelope } from '../../../../src-preload/contract';
import { BatonError, unwrap } from '../../api/client';

export type FieldErrors = Record<string, string>;

/**
 * Calls a channel for the side panel. Validation errors go to `onFieldErrors` (shown next to the
 * field) when the caller has fields; every other failure is a toast saying what did not happen.
 * Resolves to the value, or undefined when it failed (already reported).
 */
export async function run<T>(
  what: string,
  call: Promise<Envelope<T>>,
  onFieldErrors?: (errors: FieldErrors) => void,
): Promise<T | undefined> {
  try {
    const value = await unwrap(call);
    onFieldErrors?.({});
    return value;
  } catch (err) {
    if (err instanceof BatonError && err.code === 'VALIDATION' && onFieldErrors) {
      const fields = err.fieldErrors();
      onFieldErrors(Object.keys(fields).length > 0 ? fields : { '': err.message });
    } else {
      toast.error(`${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return undefined;
  }
}

/** The first message for a field (or any message when the field is unknown). */
export const errorFor = (errors: FieldErrors, field: string) => errors[field] ?? errors[''];

/** Runs a change for an inline editor: {} when saved (after `apply`), field errors to show, or
 * null when it failed some other way (already toasted). */
export async function attempt<T>(
  what: string,
  call: Promise<Envelope<T>>,
  apply: (value: T) => void,
): Promise<FieldErrors | null> {
  let fieldErrors: FieldErrors = {};
  const value = await run(what, call, (errors) => (fieldErrors = errors));
  if (value === undefined) return Object.keys(fieldErrors).length > 0 ? fieldErrors : null;
  apply(value);
  return {};
}

/** Errors whose path starts with the field (options.2 → options). */
export function errorUnder(errors: FieldErrors, field: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === field || k.startsWith(`${field}.`));
  return key === undefined ? undefined : errors[key];
}

/** After an item is removed its buttons are gone: focus its section's heading instead of the page. */
export function focusHeading(id: string) {
  document.getElementById(id)?.focus();
}
