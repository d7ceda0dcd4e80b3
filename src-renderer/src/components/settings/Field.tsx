import type { InputHTMLAttributes, ReactNode } from 'react';
import type { Limit } from '../TextLimit';
import { LimitNote, useTextLimit } from '../TextLimit';

/**
 * A labelled settings field. The control gets `id`; its hint and error are linked to it with
 * aria-describedby (see describedBy) and an error also sets aria-invalid on it.
 */
export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  warning?: string | null;
  children: ReactNode;
}) {
  return (
    <div className={`field settings-field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <span className="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.warning && !props.error && (
        <span className="field-warning" id={`${props.id}-warning`}>
          {props.warning}
        </span>
      )}
      {props.error && (
        <span className="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** The aria props for a Field's control: its hint, warning and error, and aria-invalid. */
export function describedBy(id: string, parts: { hint?: unknown; warning?: unknown; error?: unknown }) {
  const ids = [
    parts.hint ? `${id}-hint` : null,
    parts.warning && !parts.error ? `${id}-warning` : null,
    parts.error ? `${id}-error` : null,
  ].filter(Boolean);
  return {
    id,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
    'aria-invalid': parts.error ? true : undefined,
  };
}

/** A Field holding one input: its label, hint, warning and error wired to it as describedBy does.
 * With a `limit`, a counter shows near it and a paste past it is refused with a message. */
export function TextField({
  id,
  label,
  hint,
  warning,
  error,
  value,
  onValueChange,
  limit,
  ...input
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  warning?: string | null;
  error?: string | undefined;
  value: string;
  onValueChange: (value: string) => void;
  limit?: Limit;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  const { refusal, onPaste, clearRefusal } = useTextLimit(limit ?? { max: Infinity, noun: label });
  const aria = describedBy(id, { hint, warning, error });
  return (
    <Field id={id} label={label} hint={hint} warning={warning} error={error}>
      <input
        {...aria}
        {...(limit && {
          'aria-describedby': [aria['aria-describedby'], `${id}-limit`].filter(Boolean).join(' '),
          onPaste,
        })}
        {...input}
        value={value}
        onChange={(event) => {
          onValueChange(event.target.value);
          clearRefusal();
        }}
      />
      {limit && <LimitNote id={`${id}-limit`} value={value} max={limit.max} refusal={refusal} />}
    </Field>
  );
}
