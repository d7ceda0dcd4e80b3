import type { AiProviderKind } from '../../../../src-preload/contract';
import type { KeyAction } from './aiForm';
import { StoredSecretField } from './StoredSecretField';

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

/**
 * The AI provider's API key: typed into a password field and sent to main, which keeps it in the
 * system keychain. It is never shown or read back; with a key stored, the choice is to replace or remove it.
 */
export function ApiKeyField({ provider, hasApiKey, otherProvider, ...field }: Props) {
  const hint = [
    provider === 'openai-compatible'
      ? 'Optional for a local server such as Ollama or LM Studio. Stored in the system keychain.'
      : 'Stored in the system keychain when you save, and never shown again.',
    otherProvider && 'Leave it empty to keep a key stored earlier for this provider.',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <StoredSecretField
      {...field}
      id="ai-api-key"
      label="API key"
      noun="key"
      stored={hasApiKey}
      hint={hint}
      placeholder={provider === 'anthropic' ? 'sk-ant-…' : 'sk-…'}
      removeLabel="Remove key"
    />
  );
}
