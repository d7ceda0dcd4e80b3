import { useState } from 'react';
import type { EmailRecipientSettings } from '../../../../src-preload/contract';
import { useAppStore } from '../../stores/app-store';
import { useEmailRecipientsStore } from '../../stores/email-recipients-store';
import { describedBy, Field, ManagedBadge } from './Field';
import { StoreSectionLoader } from './SectionLoader';
import { SettingsForm } from './SettingsForm';
import { takeSaved, useSettingsSave } from './useSettingsSave';

/** Who the escalation email goes to: every senior, or the people chosen, plus outside addresses. */
export function EmailRecipientsSection() {
  return (
    <StoreSectionLoader store={useEmailRecipientsStore} what="the email recipients">
      {(value) => <RecipientsForm settings={value} />}
    </StoreSectionLoader>
  );
}

const addressesOf = (typed: string) =>
  typed
    .split(/[\s,;]+/)
    .map((a) => a.trim())
    .filter(Boolean);

/** "Sam Senior, Ada Admin and helpdesk@msp.example" */
function listOf(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Who an escalation by `me` would be emailed to with the form as it is now. */
function recipientsExample(
  settings: EmailRecipientSettings,
  form: { everyone: boolean; userIds: string[]; extraAddresses: string[] },
  meId: string | undefined,
): string {
  const people = settings.candidates.filter(
    (c) => c.id !== meId && (form.everyone || form.userIds.includes(c.id)),
  );
  const names = [...people.map((c) => c.name), ...form.extraAddresses];
  return names.length === 0
    ? 'If you escalated now, nobody would be emailed.'
    : `If you escalated now, the email would go to ${listOf(names)}.`;
}

function RecipientsForm({ settings }: { settings: EmailRecipientSettings }) {
  const meId = useAppStore((s) => s.profile?.id);
  const [everyone, setEveryone] = useState(settings.everyone);
  const [userIds, setUserIds] = useState(settings.userIds);
  const [extra, setExtra] = useState(settings.extraAddresses.join('\n'));
  const input = { everyone, userIds: everyone ? [] : userIds, extraAddresses: addressesOf(extra) };
  const saved = {
    everyone: settings.everyone,
    userIds: settings.everyone ? [] : settings.userIds,
    extraAddresses: settings.extraAddresses,
  };
  const dirty = JSON.stringify(input) !== JSON.stringify(saved);
  const { errors, formError, saving, submit, clearError } = useSettingsSave({
    saved: 'Email recipients saved',
    save: async () => {
      const sent = { everyone, userIds, extra };
      const next = await useEmailRecipientsStore.getState().save(input);
      takeSaved(setEveryone, sent.everyone, next.everyone);
      takeSaved(setUserIds, sent.userIds, next.userIds);
      takeSaved(setExtra, sent.extra, next.extraAddresses.join('\n'));
    },
  });
  const managed = (field: EmailRecipientSettings['managed'][number]) => settings.managed.includes(field);
  const extraError = Object.entries(errors).find(([k]) => k.startsWith('extraAddresses'))?.[1];

  return (
    <SettingsForm
      canEdit={settings.canEdit}
      dirty={dirty}
      onSubmit={(e) => void submit(e)}
      formError={formError}
      actions={
        <button type="submit" className="primary" disabled={!dirty || saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      }
    >
      <fieldset className="settings-group">
        <legend>
          Send the escalation email to{managed('everyone') && ' '}
          {managed('everyone') && <ManagedBadge />}
        </legend>
        <label className={`settings-check${managed('everyone') ? ' is-managed' : ''}`}>
          <input
            type="radio"
            name="recipients"
            disabled={managed('everyone')}
            checked={everyone}
            onChange={() => {
              setEveryone(true);
              clearError('userIds');
            }}
          />
          Every active owner, admin and engineer
        </label>
        <label className={`settings-check${managed('everyone') ? ' is-managed' : ''}`}>
          <input
            type="radio"
            name="recipients"
            disabled={managed('everyone')}
            checked={!everyone}
            onChange={() => setEveryone(false)}
          />
          Only the people chosen here
        </label>
        {!everyone && (
          <div className="settings-checks settings-indent" role="group" aria-label="People">
            {managed('userIds') && <ManagedBadge />}
            {settings.candidates.map((c) => (
              <label key={c.id} className={`settings-check${managed('userIds') ? ' is-managed' : ''}`}>
                <input
                  type="checkbox"
                  disabled={managed('userIds')}
                  checked={userIds.includes(c.id)}
                  onChange={() => {
                    setUserIds((ids) =>
                      ids.includes(c.id) ? ids.filter((x) => x !== c.id) : [...ids, c.id],
                    );
                    clearError('userIds');
                  }}
                />
                {c.name} <span className="muted">({c.email})</span>
              </label>
            ))}
          </div>
        )}
        {errors.userIds && (
          <p className="field-error" role="alert">
            {errors.userIds}
          </p>
        )}
        <p className="field-hint">Whoever escalated is never emailed about their own escalation.</p>
      </fieldset>
      <Field
        id="email-extra"
        label="Also send to (other addresses)"
        hint="One per line, e.g. a shared helpdesk mailbox."
        error={extraError}
        managed={managed('extraAddresses')}
      >
        <textarea
          {...describedBy('email-extra', {
            hint: true,
            error: extraError,
            managed: managed('extraAddresses'),
          })}
          disabled={managed('extraAddresses')}
          rows={3}
          value={extra}
          spellCheck={false}
          onChange={(e) => setExtra(e.target.value)}
        />
      </Field>
      <p className="settings-example" role="status">
        {recipientsExample(settings, input, meId)}
      </p>
    </SettingsForm>
  );
}
