import { useEffect, useState } from 'react';
import type { WebhookPolicy, WebhookSettings } from '../../../../src-preload/contract';
import { errorMessage } from '../../stores/queue-store';
import type { WebhookChannel, WebhookSettingsDraft } from '../../stores/webhooks-store';
import { useWebhooksStore } from '../../stores/webhooks-store';
import { ManagedBadge } from './Field';
import { SectionLoader } from './SectionLoader';
import { SettingsForm } from './SettingsForm';
import type { SecretAction } from './StoredSecretField';
import { StoredSecretField } from './StoredSecretField';
import { takeSaved, useSettingsSave } from './useSettingsSave';

const CHANNELS: { channel: WebhookChannel; label: string; placeholder: string; hint: string }[] = [
  {
    channel: 'teams',
    label: 'Microsoft Teams',
    placeholder: 'https://…webhook.office.com/…',
    hint: 'From a Teams workflow or incoming webhook for the channel the team watches.',
  },
  {
    channel: 'slack',
    label: 'Slack',
    placeholder: 'https://hooks.slack.com/services/…',
    hint: 'From a Slack app’s incoming webhook for the channel the team watches.',
  },
];

interface ChannelForm {
  /** Typed here, sent with a save, never read back. */
  url: string;
  /** What happens to a stored webhook on save: kept, replaced by the typed URL, or removed. */
  action: SecretAction;
}
type Form = Record<WebhookChannel, ChannelForm>;
type TestLine = { tone: 'pending' | 'ok' | 'error'; text: string };

const EMPTY: Form = { teams: { url: '', action: 'keep' }, slack: { url: '', action: 'keep' } };

/** Only what changed: a new URL, null to remove a stored one, nothing to keep it. */
function toInput(form: Form, settings: WebhookSettings): WebhookSettingsDraft {
  const input: WebhookSettingsDraft = {};
  for (const { channel } of CHANNELS) {
    const { configured } = settings[channel];
    const { url, action } = form[channel];
    if (configured && action === 'remove') input[channel] = null;
    else if ((!configured || action === 'replace') && url.trim()) input[channel] = url;
  }
  return input;
}

/** The Notifications section: loads which webhooks are stored, then shows the form. */
export function WebhooksSection() {
  const webhooks = useWebhooksStore((s) => s.webhooks);
  const failure = useWebhooksStore((s) => s.error);
  const load = useWebhooksStore((s) => s.load);
  useEffect(() => void load(), [load]);

  return (
    <SectionLoader
      value={webhooks}
      failure={failure}
      what="the notification settings"
      retry={() => void load()}
    >
      {(settings) => <WebhooksForm settings={settings} />}
    </SectionLoader>
  );
}

function WebhooksForm({ settings }: { settings: WebhookSettings }) {
  const { save, test } = useWebhooksStore.getState();
  const [form, setForm] = useState<Form>(EMPTY);
  const [testing, setTesting] = useState<WebhookChannel | null>(null);
  const [tests, setTests] = useState<Partial<Record<WebhookChannel, TestLine>>>({});
  const { canEdit } = settings;
  const input = toInput(form, settings);
  const dirty = Object.keys(input).length > 0;
  const { errors, formError, saving, submit, clearError } = useSettingsSave({
    saved: 'Notification settings saved',
    save: async () => {
      const sent = form;
      await save(input);
      takeSaved(setForm, sent, EMPTY);
      setTests({});
    },
  });
  const busy = saving || testing !== null;

  const update = (channel: WebhookChannel, patch: Partial<ChannelForm>) => {
    setForm((f) => ({ ...f, [channel]: { ...f[channel], ...patch } }));
    clearError(channel);
  };

  async function runTest(channel: WebhookChannel) {
    setTesting(channel);
    setTests((t) => ({ ...t, [channel]: { tone: 'pending', text: 'Sending a test message…' } }));
    try {
      const result = await test(channel);
      const line: TestLine = result.ok
        ? { tone: 'ok', text: result.message || `Test message sent in ${Math.round(result.latencyMs)} ms` }
        : { tone: 'error', text: result.message };
      setTests((t) => ({ ...t, [channel]: line }));
    } catch (err) {
      setTests((t) => ({ ...t, [channel]: { tone: 'error', text: errorMessage(err) } }));
    } finally {
      setTesting(null);
    }
  }

  return (
    <SettingsForm
      canEdit={canEdit}
      dirty={dirty}
      onSubmit={(e) => void submit(e)}
      formError={formError}
      actions={
        <>
          <button type="submit" className="primary" disabled={!dirty || busy}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      {CHANNELS.map((c) => (
        <WebhookField
          key={c.channel}
          {...c}
          configured={settings[c.channel].configured}
          policy={settings[c.channel].policy}
          canEdit={canEdit}
          value={form[c.channel]}
          error={errors[c.channel]}
          test={tests[c.channel]}
          testing={testing === c.channel}
          busy={busy}
          onChange={(patch) => update(c.channel, patch)}
          onTest={() => void runTest(c.channel)}
        />
      ))}
    </SettingsForm>
  );
}

/**
 * One channel's webhook. The URL is a secret: typed into a password field and kept by main in the
 * system keychain, never shown again; with one stored, the choice is to replace or remove it.
 */
function WebhookField(props: {
  channel: WebhookChannel;
  label: string;
  placeholder: string;
  hint: string;
  configured: boolean;
  /** The organization's managed settings: required (cannot be removed) or switched off. */
  policy: WebhookPolicy;
  canEdit: boolean;
  value: ChannelForm;
  error: string | undefined;
  test: TestLine | undefined;
  testing: boolean;
  busy: boolean;
  onChange: (patch: Partial<ChannelForm>) => void;
  onTest: () => void;
}) {
  const { label, configured, canEdit, value, test, policy } = props;
  if (policy === 'off')
    return (
      <div className="webhook-channel" role="group" aria-label={label}>
        <p className="managed-note">
          <ManagedBadge /> {label} notifications are switched off by your organization.
        </p>
      </div>
    );
  return (
    <div className="webhook-channel" role="group" aria-label={label}>
      {policy === 'required' && (
        <p className="managed-note">
          <ManagedBadge />{' '}
          {configured
            ? `Your organization requires this webhook: it can be replaced, not removed.`
            : `Your organization requires a ${label} webhook: enter its URL (it is kept in this computer’s keychain).`}
        </p>
      )}
      <StoredSecretField
        removeLabel={policy === 'required' ? null : undefined}
        id={`webhook-${props.channel}`}
        label={`${label} webhook URL`}
        storedLabel={`${label} webhook`}
        noun="webhook"
        stored={configured}
        action={value.action}
        value={value.url}
        canEdit={canEdit}
        hint={`${props.hint} Stored in the system keychain when you save, and never shown again.`}
        placeholder={props.placeholder}
        error={props.error}
        extraActions={
          <button
            type="button"
            className="small"
            disabled={props.busy}
            title="Send a test message through the stored webhook"
            onClick={props.onTest}
          >
            {props.testing ? 'Sending…' : 'Send test'}
          </button>
        }
        onChange={(url) => props.onChange({ url })}
        onAction={(action) => props.onChange({ action, url: '' })}
      />
      {configured && canEdit && (
        <p role="status" className={`test-result webhook-test-result${test ? ` test-${test.tone}` : ''}`}>
          {test?.text}
        </p>
      )}
    </div>
  );
}
