import { format } from 'date-fns';
import { useEffect, useState } from 'react';
import type { MicrosoftSettings } from '../../../../src-preload/contract';
import { DEFAULT_GRAPH_BASE_URL, DEFAULT_MICROSOFT_AUTHORITY } from '../../../../src-preload/contract';
import type { MicrosoftSettingsDraft } from '../../stores/microsoft-settings-store';
import { listenForOpenUrl, useMicrosoftSettingsStore } from '../../stores/microsoft-settings-store';
import { errorMessage } from '../../stores/queue-store';
import { TextField } from './Field';
import { SectionLoader } from './SectionLoader';
import { SettingsForm } from './SettingsForm';
import { takeSaved, useSettingsSave } from './useSettingsSave';

interface Form {
  clientId: string;
  authority: string;
  graphBaseUrl: string;
}

const formFrom = (s: MicrosoftSettings): Form => ({
  clientId: s.clientId ?? '',
  authority: s.authority,
  graphBaseUrl: s.graphBaseUrl,
});

/** An empty application ID removes the app registration (and signs out). */
const toInput = (form: Form): MicrosoftSettingsDraft => ({
  clientId: form.clientId.trim() || null,
  authority: form.authority,
  graphBaseUrl: form.graphBaseUrl,
});

/** Settings → Microsoft 365: the app registration Baton signs in with, and the mailbox it sends from. */
export function MicrosoftSection() {
  const settings = useMicrosoftSettingsStore((s) => s.settings);
  const failure = useMicrosoftSettingsStore((s) => s.error);
  const load = useMicrosoftSettingsStore((s) => s.load);
  useEffect(() => {
    listenForOpenUrl();
    void load();
  }, [load]);

  return (
    <SectionLoader
      value={settings}
      failure={failure}
      what="the Microsoft 365 settings"
      retry={() => void load()}
    >
      {(value) => <MicrosoftForm settings={value} />}
    </SectionLoader>
  );
}

function MicrosoftForm({ settings }: { settings: MicrosoftSettings }) {
  const [form, setForm] = useState<Form>(() => formFrom(settings));
  const input = toInput(form);
  const dirty = JSON.stringify(input) !== JSON.stringify(toInput(formFrom(settings)));
  const { errors, formError, saving, submit, clearError } = useSettingsSave({
    saved: 'Microsoft 365 settings saved',
    save: async () => {
      const sent = form;
      takeSaved(setForm, sent, formFrom(await useMicrosoftSettingsStore.getState().save(input)));
    },
  });
  const { canEdit, account } = settings;
  const signingIn = useMicrosoftSettingsStore((s) => s.signingIn);
  const savedForm = formFrom(settings);
  const signsOut =
    account !== null &&
    (form.clientId.trim().toLowerCase() !== savedForm.clientId.toLowerCase() ||
      trimSlash(form.authority) !== trimSlash(savedForm.authority));

  const update = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    Object.keys(patch).forEach(clearError);
  };

  return (
    <>
      <AccountPanel settings={settings} dirty={dirty} />
      <SettingsForm
        canEdit={canEdit}
        dirty={dirty}
        onSubmit={(e) => void submit(e)}
        label="Microsoft 365 app registration"
        formError={formError}
        actions={
          <>
            <button
              type="submit"
              className="primary"
              disabled={!dirty || saving || signingIn}
              title={signingIn ? 'Finish signing in first' : undefined}
            >
              {saving ? 'Saving…' : 'Save'}
            </button>
            {dirty && (
              <button type="button" disabled={saving} onClick={() => setForm(formFrom(settings))}>
                Discard changes
              </button>
            )}
          </>
        }
      >
        <TextField
          id="ms-client-id"
          managed={settings.managed.includes('clientId')}
          label="Application (client) ID"
          hint="From the app registration in Microsoft Entra ID (a public client with the delegated permissions Mail.Send and Mail.ReadWrite: Baton writes the email as a draft, then sends it, so a retry never sends it twice)."
          warning={
            signsOut ? 'Saving a different app registration or authority signs Microsoft 365 out.' : null
          }
          error={errors.clientId}
          spellCheck={false}
          autoComplete="off"
          placeholder={canEdit ? '00000000-0000-0000-0000-000000000000' : undefined}
          value={form.clientId}
          onValueChange={(value) => update({ clientId: value })}
        />
        <TextField
          id="ms-authority"
          managed={settings.managed.includes('authority')}
          label="Sign-in authority"
          hint={`Usually ${DEFAULT_MICROSOFT_AUTHORITY}; …/{your tenant ID or domain} for one tenant only.`}
          error={errors.authority}
          type="url"
          inputMode="url"
          spellCheck={false}
          placeholder={canEdit ? DEFAULT_MICROSOFT_AUTHORITY : undefined}
          value={form.authority}
          onValueChange={(value) => update({ authority: value })}
        />
        <TextField
          id="ms-graph"
          managed={settings.managed.includes('graphBaseUrl')}
          label="Graph address"
          hint={`Usually ${DEFAULT_GRAPH_BASE_URL}. Only the host: Baton adds /v1.0/….`}
          error={errors.graphBaseUrl}
          type="url"
          inputMode="url"
          spellCheck={false}
          placeholder={canEdit ? DEFAULT_GRAPH_BASE_URL : undefined}
          value={form.graphBaseUrl}
          onValueChange={(value) => update({ graphBaseUrl: value })}
        />
      </SettingsForm>
    </>
  );
}

const trimSlash = (url: string) => url.trim().replace(/\/+$/, '');

/** Who escalation emails are sent as, and signing in or out (owners and admins). */
function AccountPanel({ settings, dirty }: { settings: MicrosoftSettings; dirty: boolean }) {
  const signingIn = useMicrosoftSettingsStore((s) => s.signingIn);
  const signInUrl = useMicrosoftSettingsStore((s) => s.signInUrl);
  const [failure, setFailure] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const { account, connected, canEdit } = settings;
  const registered = settings.clientId !== null;

  async function signIn() {
    setFailure(null);
    try {
      await useMicrosoftSettingsStore.getState().signIn();
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }
  async function signOut() {
    setFailure(null);
    setSigningOut(true);
    try {
      await useMicrosoftSettingsStore.getState().signOut();
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setSigningOut(false);
    }
  }

  const tone = signingIn ? 'pending' : connected ? 'ok' : 'off';
  const next = !canEdit
    ? connected
      ? null
      : 'An owner or admin connects it here; until then escalations are not emailed.'
    : !registered
      ? 'Enter the application (client) ID below and save, then sign in with the mailbox escalation emails are sent from.'
      : !account
        ? 'Sign in with the mailbox escalation emails are sent from (for example a shared escalations mailbox).'
        : null;

  return (
    <div className={`account-panel account-${tone}`}>
      <div className="account-text">
        <p role="status" className="account-status">
          <span className="account-dot" aria-hidden="true" />
          <span>
            {signingIn ? (
              'Waiting for you to finish signing in in the browser…'
            ) : account && connected ? (
              <>
                Signed in as <strong>{account.name}</strong> ({account.username}) since{' '}
                {format(account.signedInAt, 'd MMM yyyy, HH:mm')}
              </>
            ) : (
              settings.notConnectedReason
            )}
          </span>
        </p>
        {signingIn && signInUrl && (
          <p className="account-hint">
            No tab opened?{' '}
            <a href={signInUrl} target="_blank" rel="noopener noreferrer">
              Open the sign-in page
            </a>
          </p>
        )}
        {!signingIn && account && !connected && (
          <p className="account-hint">
            Last signed in as {account.name} ({account.username}).
          </p>
        )}
        {!signingIn && next && <p className="account-hint">{next}</p>}
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
      </div>
      {canEdit && (
        <div className="account-actions">
          <button
            type="button"
            className={connected ? undefined : 'primary'}
            disabled={!registered || dirty || signingIn || signingOut}
            title={
              !registered
                ? 'Save the application (client) ID first'
                : dirty
                  ? 'Save or discard your changes first'
                  : 'Opens the Microsoft sign-in page in your browser'
            }
            onClick={() => void signIn()}
          >
            {signingIn ? 'Signing in…' : account ? 'Sign in again…' : 'Sign in…'}
          </button>
          {account && (
            <button type="button" disabled={signingIn || signingOut} onClick={() => void signOut()}>
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
