// A field's length limit made visible (the limits are the contract's TEXT_LIMITS): a counter once
// the text nears it, and a paste that would take the field past it refused with a message saying
// what to do, leaving what was already typed as it was. Browsers' maxLength is not used: it cuts a
// paste silently.
import type { ClipboardEvent } from 'react';
import { useState } from 'react';
import '../outbox.css';

export interface Limit {
  max: number;
  /** How the message names the field: "a message", "the notes field". */
  noun: string;
  /** What to do instead, e.g. "Paste the part around the error." */
  hint?: string;
}

/** The counter appears from this share of the limit on. */
const NEAR = 0.8;

const count = (n: number) => n.toLocaleString('en-US');
const characters = (n: number) => `${count(n)} characters`;

/** How big a paste is, as a person would say it: "9.1 MB" or "150,000 characters". */
export function sizeOf(text: string): string {
  if (text.length < 1_000_000) return characters(text.length);
  return `${(new Blob([text]).size / 1_000_000).toFixed(1)} MB`;
}

/** The message refusing a paste that would take the field past its limit, or null when it fits.
 * Lengths are counted after trimming, as the contract's schemas count them. */
export function pasteRefusal(
  current: string,
  selection: { start: number; end: number },
  pasted: string,
  limit: Limit,
): string | null {
  const after = (current.slice(0, selection.start) + pasted + current.slice(selection.end)).trim().length;
  if (after <= limit.max) return null;
  if (pasted.trim().length > limit.max)
    return `This paste is ${sizeOf(pasted)}; ${limit.noun} holds up to ${characters(limit.max)}. ${
      limit.hint ?? 'Paste only the part that matters.'
    }`;
  return `With this paste ${limit.noun} would be ${characters(after)} long; it holds up to ${characters(
    limit.max,
  )}. Paste less, or shorten what is there first.`;
}

/** Refuses an oversized paste (preventDefault: nothing is inserted) and keeps the message to show. */
export function useTextLimit(limit: Limit) {
  const [refusal, setRefusal] = useState<string | null>(null);
  function onPaste(event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    const field = event.currentTarget;
    const end = field.value.length;
    const message = pasteRefusal(
      field.value,
      { start: field.selectionStart ?? end, end: field.selectionEnd ?? end },
      event.clipboardData.getData('text'),
      limit,
    );
    if (message) event.preventDefault();
    setRefusal(message);
  }
  return { refusal, onPaste, clearRefusal: () => setRefusal(null) };
}

/** Whether the text is past the limit (what the contract would refuse). */
export const overLimit = (value: string, max: number) => value.trim().length > max;

/**
 * Under a field: "4,213 / 5,000" once the text nears the limit ("… — 12 over" past it), and a refused
 * paste's message. Always rendered (empty when there is nothing to say) so the field can point its
 * aria-describedby at `id`.
 */
export function LimitNote({
  id,
  value,
  max,
  refusal,
}: {
  id: string;
  value: string;
  max: number;
  refusal: string | null;
}) {
  const length = value.length < max * NEAR ? value.length : value.trim().length;
  const over = length - max;
  return (
    <div className="limit-note" id={id}>
      {refusal && (
        <p className="paste-refused" role="alert">
          {refusal}
        </p>
      )}
      {length >= max * NEAR && (
        <span className={`char-count${over > 0 ? ' over' : ''}`}>
          {count(length)} / {count(max)}
          {over > 0 && ` — ${count(over)} over the limit`}
        </span>
      )}
    </div>
  );
}

interface Check {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: { message: string }[] } };
}

/** The contract schema's own message for a value it refuses (checked before anything is sent). */
export function schemaError(schema: Check, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'Not valid');
}
