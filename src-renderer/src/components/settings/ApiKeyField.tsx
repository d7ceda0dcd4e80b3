import type { AiProviderKind } from '../../../../src-preload/contract';
import type { KeyAction } from './aiForm';
import { describedBy, Field } from './Field';

interface Props {
  provider: AiProviderKind;
  /** A key for this provider is in the keychain. */
  hasApiKey: boolean;
  /** The form's provider is not the saved one, so whether it has a key is unknown. */
  otherProvider: boolean;
  canEdit: boolean;
  value: string;
  action: KeyAction;
  error?: string | undefined;
  onChange: (value: string) => void;
  onAction: (action: KeyAction) => void;
}

const ID = 'ai-api-key';

/**
 * The API key: typed into a password field and sent to main, which keeps it in the system keychain.
 * It is never shown or read back; with a key stored, the choice is to replace or remove it.
 */
export function ApiKeyField({
  provider,
  hasApiKey,
  otherProvider,
  canEdit,
  value,
  action,
  error,
  onChange,
  onAction,
}: Props) {
  if (hasApiKey && action !== 'replace') {
    const removing = action === 'remove';
    return (
      <div className={`field settings-field${error ? ' has-error' : ''}`}>
        <span className="field-label" id={`${ID}-label`}>
          API key
        </span>
        <div
          className={`key-stored${removing ? ' removing' : ''}`}
          role="group"
          aria-labelledby={`${ID}-label`}
        >
          <span className="key-stored-text">
            <span className="key-icon" aria-hidden="true">
              {removing ? '×' : '✓'}
            </span>
            {removing
              ? 'The stored key will be removed when you save.'
              : 'A key is stored in the system keychain'}
          </span>
          {canEdit &&
            (removing ? (
              <button type="button" className="small" onClick={() => onAction('keep')}>
                Undo
              </button>
            ) : (
              <span className="key-actions">
                <button type="button" className="small" onClick={() => onAction('replace')}>
                  Replace
                </button>
                <button type="button" className="small danger-quiet" onClick={() => onAction('remove')}>
                  Remove key
                </button>
              </span>
            ))}
        </div>
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
    );
  }

  const hint = hasApiKey
    ? 'The new key replaces the stored one when you save. It is never shown again.'
    : [
        provider === 'openai-compatible'
          ? 'Optional for a local server such as Ollama or LM Studio. Stored in the system keychain.'
          : 'Stored in the system keychain when you save, and never shown again.',
        otherProvider && 'Leave it empty to keep a key stored earlier for this provider.',
      ]
        .filter(Boolean)
        .join(' ');
  return (
    <Field id={ID} label="API key" hint={hint} error={error}>
      <div className="key-input-row">
        <input
          {...describedBy(ID, { hint, error })}
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus={hasApiKey}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={provider === 'anthropic' ? 'sk-ant-…' : 'sk-…'}
        />
        {hasApiKey && (
          <button type="button" className="small" onClick={() => onAction('keep')}>
            Keep the stored key
          </button>
        )}
      </div>
    </Field>
  );
}
