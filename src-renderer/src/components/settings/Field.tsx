import type { InputHTMLAttributes, ReactNode } from 'react';
import type { Limit } from '../TextLimit';
import { LimitNote, useTextLimit } from '../TextLimit';
import '../../managed.css';

/**
 * "Managed by your organization": a value set by the managed settings file. Its control is disabled;
 * main refuses a save that changes it (FORBIDDEN), so the badge is the explanation, not the lock.
 */
export function ManagedBadge({ id }: { id?: string }) {
  return (
    <span className="managed-badge" id={id} title="Set by your organization's managed settings file">
      <svg className="managed-lock" viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">
        <path
          d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5zm1.5 0h4V5a2 2 0 0 0-4 0v2z"
          fill="currentColor"
        />
      </svg>
      Managed by your organization
    </span>
  );
}

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
  /** Set by the managed settings file: a badge beside the label (the caller disables the control). */
  managed?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={`field settings-field${props.error ? ' has-error' : ''}${props.managed ? ' is-managed' : ''}`}
    >
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {/* Under the control, so fields side by side keep their controls in line. */}
      {props.managed && (
        <span className="field-managed">
          <ManagedBadge id={`${props.id}-managed`} />
        </span>
      )}
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
export function describedBy(
  id: string,
  parts: { hint?: unknown; warning?: unknown; error?: unknown; managed?: unknown },
) {
  const ids = [
    parts.managed ? `${id}-managed` : null,
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
  managed,
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
  /** Set by the managed settings file: shown locked. */
  managed?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  const { refusal, onPaste, clearRefusal } = useTextLimit(limit ?? { max: Infinity, noun: label });
  const aria = describedBy(id, { hint, warning, error, managed });
  return (
    <Field id={id} label={label} hint={hint} warning={warning} error={error} managed={managed}>
      <input
        {...aria}
        {...(limit && {
          'aria-describedby': [aria['aria-describedby'], `${id}-limit`].filter(Boolean).join(' '),
          onPaste,
        })}
        {...input}
        disabled={managed || input.disabled}
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
