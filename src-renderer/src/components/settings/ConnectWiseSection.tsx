import { useEffect, useState } from 'react';
import type { ConnectWiseSettingsView } from '../../../../src-preload/contract';
import { BatonError } from '../../api/client';
import type { ConnectWiseConnectionDraft } from '../../stores/connectwise-settings-store';
import { useConnectWiseSettingsStore } from '../../stores/connectwise-settings-store';
import { errorMessage } from '../../stores/queue-store';
import { ConnectWisePeople } from './ConnectWisePeople';
import { ConnectWiseStatuses } from './ConnectWiseStatuses';
import { TextField } from './Field';
import { SectionLoader } from './SectionLoader';
import { SettingsForm } from './SettingsForm';
import type { SecretAction } from './StoredSecretField';
import { StoredSecretField } from './StoredSecretField';
import { takeSaved, useSettingsSave } from './useSettingsSave';

type TestLine = { tone: 'pending' | 'ok' | 'error'; text: string } | null;
type KeyName = 'publicKey' | 'privateKey';

interface Form {
  site: string;
  companyId: string;
  codebase: string;
  clientId: string;
  /** Typed here, sent with a save or a test, never read back. */
  publicKey: string;
  privateKey: string;
  publicKeyAction: SecretAction;
  privateKeyAction: SecretAction;
}

const formFrom = (s: ConnectWiseSettingsView): Form => ({
  site: s.site,
  companyId: s.companyId,
  codebase: s.codebase,
  clientId: s.clientId,
  publicKey: '',
  privateKey: '',
  publicKeyAction: 'keep',
  privateKeyAction: 'keep',
});

const STORED: Record<KeyName, 'hasPublicKey' | 'hasPrivateKey'> = {
  publicKey: 'hasPublicKey',
  privateKey: 'hasPrivateKey',
};
const ACTION: Record<KeyName, 'publicKeyAction' | 'privateKeyAction'> = {
  publicKey: 'publicKeyAction',
  privateKey: 'privateKeyAction',
};

/** main removes the pair together (clearKeys), so removing one marks both. */
const removingKeys = (form: Form) => form.publicKeyAction === 'remove' || form.privateKeyAction === 'remove';

/** The form as ConnectWiseConnectionInput: a key only when one is typed where none is kept. */
function toInput(form: Form, settings: ConnectWiseSettingsView): ConnectWiseConnectionDraft {
  const input: ConnectWiseConnectionDraft = {
    site: form.site,
    companyId: form.companyId,
    codebase: form.codebase,
    clientId: form.clientId,
  };
  if (removingKeys(form)) return { ...input, clearKeys: true };
  for (const key of ['publicKey', 'privateKey'] as const) {
    const typing = !settings[STORED[key]] || form[ACTION[key]] === 'replace';
    if (typing && form[key].trim()) input[key] = form[key];
  }
  return input;
}

/** Settings → ConnectWise: the connection, then which board statuses Baton sets. */
export function ConnectWiseSection() {
  const settings = useConnectWiseSettingsStore((s) => s.settings);
  const failure = useConnectWiseSettingsStore((s) => s.error);
  const load = useConnectWiseSettingsStore((s) => s.load);
  useEffect(() => void load(), [load]);

  return (
    <SectionLoader
      value={settings}
      failure={failure}
      what="the ConnectWise settings"
      retry={() => void load()}
    >
      {(value) => (
        <>
          <ConnectionForm settings={value} />
          <ConnectWiseStatuses
            // A saved connection may reach other boards: read them again.
            key={connectionKey(value)}
            settings={value}
          />
          <ConnectWisePeople key={`people-${connectionKey(value)}`} configured={value.configured} />
        </>
      )}
    </SectionLoader>
  );
}

const connectionKey = (s: ConnectWiseSettingsView) =>
  JSON.stringify([
    s.site,
    s.companyId,
    s.codebase,
    s.clientId,
    s.hasPublicKey,
    s.hasPrivateKey,
    s.configured,
  ]);

function ConnectionForm({ settings }: { settings: ConnectWiseSettingsView }) {
  const { save, test } = useConnectWiseSettingsStore.getState();
  const [form, setForm] = useState<Form>(() => formFrom(settings));
  const [testing, setTesting] = useState(false);
  const [testLine, setTestLine] = useState<TestLine>(null);
  const { canEdit } = settings;
  const managed = (field: ConnectWiseSettingsView['managed'][number]) => settings.managed.includes(field);
  const input = toInput(form, settings);
  const dirty = JSON.stringify(input) !== JSON.stringify(toInput(formFrom(settings), settings));
  const { errors, formError, saving, submit, clearError, fail } = useSettingsSave({
    saved: 'ConnectWise connection saved',
    save: async () => {
      const sent = form;
      takeSaved(setForm, sent, formFrom(await save(input)));
    },
  });
  const busy = saving || testing;
  const removing = removingKeys(form);

  const update = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    Object.keys(patch).forEach(clearError);
    setTestLine(null); // it was about other values
  };
  const keyAction = (key: KeyName, action: SecretAction) => {
    // Removal and its Undo act on the pair (main removes both keys together); Replace on one key.
    const pair = action === 'remove' || (action === 'keep' && removing);
    update(
      pair
        ? { publicKey: '', privateKey: '', publicKeyAction: action, privateKeyAction: action }
        : { [key]: '', [ACTION[key]]: action },
    );
    clearError('clearKeys');
  };

  async function runTest() {
    setTesting(true);
    setTestLine({ tone: 'pending', text: 'Testing the connection…' });
    try {
      const { clearKeys: _ignored, ...values } = input;
      const result = await test(values);
      setTestLine(
        result.ok
          ? { tone: 'ok', text: result.message || `Connected in ${Math.round(result.latencyMs)} ms` }
          : { tone: 'error', text: result.message },
      );
    } catch (err) {
      const fields = err instanceof BatonError && err.code === 'VALIDATION' ? err.fieldErrors() : {};
      if (Object.keys(fields).length > 0) {
        fail(err); // each message goes next to its field
        setTestLine({ tone: 'error', text: 'Not tested: correct the fields marked above first.' });
      } else setTestLine({ tone: 'error', text: errorMessage(err) });
    } finally {
      setTesting(false);
    }
  }

  const keyField = (key: KeyName, label: string) => {
    const stored = settings[STORED[key]];
    return (
      <StoredSecretField
        id={`cw-${key === 'publicKey' ? 'public' : 'private'}-key`}
        label={label}
        noun={label.toLowerCase()}
        stored={stored}
        action={form[ACTION[key]]}
        value={form[key]}
        canEdit={canEdit}
        hint={
          removing
            ? 'Both keys are removed when you save; enter new ones afterwards.'
            : 'Stored in the system keychain when you save, and never shown again.'
        }
        disabled={removing}
        // Both keys go together: one button under the pair.
        removeLabel={null}
        error={errors[key] ?? (key === 'publicKey' ? errors.clearKeys : undefined)}
        onChange={(value) => update({ [key]: value })}
        onAction={(action) => keyAction(key, action)}
      />
    );
  };

  return (
    <SettingsForm
      canEdit={canEdit}
      dirty={dirty}
      onSubmit={(e) => void submit(e)}
      label="ConnectWise connection"
      formError={formError}
      actions={
        <>
          <button type="submit" className="primary" disabled={!dirty || busy}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            disabled={busy || removing}
            title="Try these values without saving them"
            onClick={() => void runTest()}
          >
            {testing ? 'Testing…' : 'Test connection'}
          </button>
          <p role="status" className={`test-result${testLine ? ` test-${testLine.tone}` : ''}`}>
            {testLine?.text}
          </p>
        </>
      }
    >
      <TextField
        id="cw-site"
        managed={managed('site')}
        label="Site"
        hint="Your ConnectWise API address, like api-na.myconnectwise.net, or your own server’s https:// address."
        error={errors.site}
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        placeholder={canEdit ? 'api-na.myconnectwise.net' : undefined}
        value={form.site}
        onValueChange={(value) => update({ site: value })}
      />
      <div className="settings-grid">
        <TextField
          id="cw-company"
          managed={managed('companyId')}
          label="Company ID"
          hint="The company you sign in to ConnectWise with."
          error={errors.companyId}
          spellCheck={false}
          autoComplete="off"
          placeholder={canEdit ? 'yourcompany' : undefined}
          value={form.companyId}
          onValueChange={(value) => update({ companyId: value })}
        />
        <TextField
          id="cw-codebase"
          managed={managed('codebase')}
          label="Codebase (optional)"
          hint="Looked up from the site when empty."
          error={errors.codebase}
          spellCheck={false}
          autoComplete="off"
          placeholder={canEdit ? 'v4_6_release' : undefined}
          value={form.codebase}
          onValueChange={(value) => update({ codebase: value })}
        />
      </div>
      <TextField
        id="cw-client-id"
        managed={managed('clientId')}
        label="Client ID"
        hint="The GUID Baton is registered under at developer.connectwise.com."
        error={errors.clientId}
        spellCheck={false}
        autoComplete="off"
        placeholder={canEdit ? '00000000-0000-0000-0000-000000000000' : undefined}
        value={form.clientId}
        onValueChange={(value) => update({ clientId: value })}
      />
      <fieldset className="settings-group cw-keys">
        <legend>API member keys</legend>
        <p className="field-hint">
          From System → Members → API Members in ConnectWise. Notes Baton posts are signed by this member.
        </p>
        {keyField('publicKey', 'Public key')}
        {keyField('privateKey', 'Private key')}
        {canEdit && (settings.hasPublicKey || settings.hasPrivateKey) && !removing && (
          <p className="cw-keys-remove">
            <button
              type="button"
              className="small danger-quiet"
              onClick={() => keyAction('publicKey', 'remove')}
            >
              Remove both keys
            </button>
            <span className="field-hint">Disconnects ConnectWise when you save.</span>
          </p>
        )}
      </fieldset>
    </SettingsForm>
  );
}
