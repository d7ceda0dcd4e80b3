import type { ReactNode } from 'react';
import { describedBy, Field } from './Field';

/** What happens to a stored secret on save: kept, replaced by the typed value, or removed. */
export type SecretAction = 'keep' | 'replace' | 'remove';

interface Props {
  id: string;
  /** The password input's label, e.g. "API key" or "Slack webhook URL". */
  label: string;
  /** The label over the "stored" box (default: label), e.g. "Slack webhook". */
  storedLabel?: string;
  /** What the secret is called in a sentence: "key", "webhook", "public key". */
  noun: string;
  /** main has one in the keychain. */
  stored: boolean;
  action: SecretAction;
  /** Typed here, sent with a save (or a test), never read back. */
  value: string;
  canEdit: boolean;
  /** Under the input while nothing is stored. */
  hint: ReactNode;
  placeholder?: string;
  /** The Remove button's text (default "Remove"); null: the secret cannot be removed here. */
  removeLabel?: string | null;
  /** Shown while the removal is pending (default "The stored {noun} will be removed when you save."). */
  removingText?: string;
  /** More buttons in the stored box, before Replace (e.g. "Send test"). */
  extraActions?: ReactNode;
  /** The input is shown but cannot be typed into (e.g. while its pair is being removed). */
  disabled?: boolean;
  error?: string | undefined;
  onChange: (value: string) => void;
  onAction: (action: SecretAction) => void;
}

/**
 * A secret (API key, webhook URL, key pair half) typed into a password field and sent to main, which
 * keeps it in the system keychain. It is never shown or read back: with one stored, the field becomes
 * "stored in the keychain" with Replace and Remove (Undo while a removal waits for Save).
 */
export function StoredSecretField(props: Props) {
  const { id, noun, stored, action, canEdit, error } = props;

  if (stored && action !== 'replace') {
    const removing = action === 'remove';
    return (
      <div className={`field settings-field${error ? ' has-error' : ''}`}>
        <span className="field-label" id={`${id}-label`}>
          {props.storedLabel ?? props.label}
        </span>
        <div
          className={`key-stored${removing ? ' removing' : ''}`}
          role="group"
          aria-labelledby={`${id}-label`}
        >
          <span className="key-stored-text">
            <span className="key-icon" aria-hidden="true">
              {removing ? '×' : '✓'}
            </span>
            {removing
              ? (props.removingText ?? `The stored ${noun} will be removed when you save.`)
              : `${article(noun)} ${noun} is stored in the system keychain`}
          </span>
          {canEdit &&
            (removing ? (
              <button type="button" className="small" onClick={() => props.onAction('keep')}>
                Undo
              </button>
            ) : (
              <span className="key-actions">
                {props.extraActions}
                <button type="button" className="small" onClick={() => props.onAction('replace')}>
                  Replace
                </button>
                {props.removeLabel !== null && (
                  <button
                    type="button"
                    className="small danger-quiet"
                    onClick={() => props.onAction('remove')}
                  >
                    {props.removeLabel ?? 'Remove'}
                  </button>
                )}
              </span>
            ))}
        </div>
        {error && (
          <span className="field-error" id={`${id}-error`} role="alert">
            {error}
          </span>
        )}
      </div>
    );
  }

  const hint = stored
    ? `The new ${noun} replaces the stored one when you save. It is never shown again.`
    : props.hint;
  return (
    <Field id={id} label={props.label} hint={hint} error={error}>
      <div className="key-input-row">
        <input
          {...describedBy(id, { hint, error })}
          type="password"
          autoComplete="off"
          spellCheck={false}
          // Replace was just pressed: the cursor goes where the new one is typed.
          autoFocus={stored}
          disabled={props.disabled}
          value={props.value}
          placeholder={canEdit ? props.placeholder : 'Not configured'}
          onChange={(event) => props.onChange(event.target.value)}
        />
        {stored && (
          <button type="button" className="small" onClick={() => props.onAction('keep')}>
            Keep the stored {noun}
          </button>
        )}
      </div>
    </Field>
  );
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'An' : 'A');
