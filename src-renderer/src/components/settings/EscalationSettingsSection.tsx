import { format, formatDistanceStrict } from 'date-fns';
import { useState } from 'react';
import type { ExpertContacts, HandoffSettings, Priority } from '../../../../src-preload/contract';
import { PRIORITY_LABEL, PRIORITY_ORDER, TEXT_LIMITS } from '../../../../src-preload/contract';
import type { HandoffSettingsDraft } from '../../stores/handoff-settings-store';
import { useHandoffSettingsStore } from '../../stores/handoff-settings-store';
import { describedBy, Field, ManagedBadge, TextField } from './Field';
import { StoreSectionLoader } from './SectionLoader';
import { SettingsForm } from './SettingsForm';
import { takeSaved, useSettingsSave } from './useSettingsSave';

const CONTACT_FIELDS: {
  key: keyof ExpertContacts;
  label: string;
  type: string;
  placeholder: string;
  max: number;
}[] = [
  { key: 'name', label: 'Name', type: 'text', placeholder: 'Dana Expert', max: TEXT_LIMITS.contactName },
  {
    key: 'email',
    label: 'Email',
    type: 'email',
    placeholder: 'escalations@msp.example',
    max: TEXT_LIMITS.contactEmail,
  },
  { key: 'phone', label: 'Phone', type: 'tel', placeholder: '+1 555 0100', max: TEXT_LIMITS.contactPhone },
  {
    key: 'hours',
    label: 'Hours',
    type: 'text',
    placeholder: 'Mon–Fri 08:00–18:00',
    max: TEXT_LIMITS.contactHours,
  },
  {
    key: 'emergencyLine',
    label: 'Emergency line',
    type: 'tel',
    placeholder: '+1 555 0199',
    max: TEXT_LIMITS.contactPhone,
  },
];
const NO_CONTACTS: ExpertContacts = { name: '', email: '', phone: '', hours: '', emergencyLine: '' };

interface Form {
  ticketPrefix: string;
  contacts: ExpertContacts;
  /** As typed; turned into whole minutes on save (main says what is wrong with them). */
  minutes: Record<Priority, string>;
}

const formFrom = (s: HandoffSettings): Form => ({
  ticketPrefix: s.ticketPrefix,
  contacts: s.expertContacts ?? NO_CONTACTS,
  minutes: {
    urgent: String(s.overdueMinutes.urgent),
    high: String(s.overdueMinutes.high),
    medium: String(s.overdueMinutes.medium),
    low: String(s.overdueMinutes.low),
  },
});

const toInput = (form: Form): HandoffSettingsDraft => ({
  ticketPrefix: form.ticketPrefix,
  expertContacts: Object.values(form.contacts).some((v: string) => v.trim() !== '') ? form.contacts : null,
  overdueMinutes: {
    urgent: minutesOf(form.minutes.urgent),
    high: minutesOf(form.minutes.high),
    medium: minutesOf(form.minutes.medium),
    low: minutesOf(form.minutes.low),
  },
});

// An empty box is sent as NaN (null on the wire) so main answers "enter a number of minutes".
const minutesOf = (typed: string) => (typed.trim() === '' ? Number.NaN : Number(typed));

function waitHint(typed: string): string {
  const minutes = minutesOf(typed);
  if (!Number.isFinite(minutes) || minutes < 1) return 'Minutes unclaimed before it is overdue';
  return `Overdue after ${formatDistanceStrict(0, minutes * 60_000)} unclaimed`;
}

/** Escalations: ticket numbers, who technicians can call, how long a handoff may wait. */
export function EscalationSettingsSection() {
  return (
    <StoreSectionLoader store={useHandoffSettingsStore} what="the escalation settings">
      {(value) => <EscalationForm settings={value} />}
    </StoreSectionLoader>
  );
}

function EscalationForm({ settings }: { settings: HandoffSettings }) {
  const [form, setForm] = useState<Form>(() => formFrom(settings));
  const [today] = useState(() => format(Date.now(), 'yyyyMMdd'));
  const input = toInput(form);
  const dirty = JSON.stringify(input) !== JSON.stringify(toInput(formFrom(settings)));
  const { errors, formError, saving, submit, clearError } = useSettingsSave({
    saved: 'Escalation settings saved',
    save: async () => {
      const sent = form;
      takeSaved(setForm, sent, formFrom(await useHandoffSettingsStore.getState().save(input)));
    },
  });
  const { canEdit } = settings;
  const managed = (field: HandoffSettings['managed'][number]) => settings.managed.includes(field);
  const prefixPreview = `${form.ticketPrefix.trim().toUpperCase() || 'BTN'}-${today}-0001`;

  const setContact = (key: keyof ExpertContacts, value: string) => {
    setForm((f) => ({ ...f, contacts: { ...f.contacts, [key]: value } }));
    clearError(`expertContacts.${key}`);
  };
  const setMinutes = (priority: Priority, value: string) => {
    setForm((f) => ({ ...f, minutes: { ...f.minutes, [priority]: value } }));
    clearError(`overdueMinutes.${priority}`);
  };

  return (
    <SettingsForm
      canEdit={canEdit}
      dirty={dirty}
      onSubmit={(e) => void submit(e)}
      formError={formError}
      actions={
        <>
          <button type="submit" className="primary" disabled={!dirty || saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          {dirty && (
            <button type="button" onClick={() => setForm(formFrom(settings))} disabled={saving}>
              Discard changes
            </button>
          )}
        </>
      }
    >
      <Field
        id="ticket-prefix"
        label="Support ticket prefix"
        hint={`2–8 letters or digits. The next ticket today would be ${prefixPreview}.`}
        error={errors.ticketPrefix}
        managed={managed('ticketPrefix')}
      >
        <input
          {...describedBy('ticket-prefix', {
            hint: true,
            error: errors.ticketPrefix,
            managed: managed('ticketPrefix'),
          })}
          disabled={managed('ticketPrefix')}
          className="input-short"
          value={form.ticketPrefix}
          maxLength={8}
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(e) => {
            setForm((f) => ({ ...f, ticketPrefix: e.target.value }));
            clearError('ticketPrefix');
          }}
        />
      </Field>

      <fieldset
        className={`settings-group${managed('expertContacts') ? ' is-managed' : ''}`}
        disabled={managed('expertContacts')}
      >
        <legend>
          Expert contact{managed('expertContacts') && ' '}
          {managed('expertContacts') && <ManagedBadge />}
        </legend>
        <p className="field-hint">
          Shown to the technician on every escalation confirmation. Leave all blank for none.
        </p>
        <div className="settings-grid">
          {CONTACT_FIELDS.map(({ key, label, type, placeholder, max }) => {
            const path = `expertContacts.${key}`;
            return (
              <TextField
                key={key}
                id={`expert-${key}`}
                label={label}
                error={errors[path]}
                type={type}
                value={form.contacts[key]}
                limit={{ max, noun: `the ${label.toLowerCase()} field` }}
                placeholder={canEdit ? placeholder : ''}
                onValueChange={(value) => setContact(key, value)}
              />
            );
          })}
        </div>
      </fieldset>

      <fieldset className="settings-group">
        <legend>Unclaimed too long</legend>
        <p className="field-hint">
          Past this many minutes a handoff is marked overdue in the queue and announced again, once.
        </p>
        <div className="settings-grid settings-grid-4">
          {PRIORITY_ORDER.map((priority) => {
            const path = `overdueMinutes.${priority}`;
            return (
              <TextField
                key={priority}
                id={`overdue-${priority}`}
                label={`${PRIORITY_LABEL[priority]} (minutes)`}
                hint={waitHint(form.minutes[priority])}
                error={errors[path]}
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={form.minutes[priority]}
                managed={managed(`overdueMinutes.${priority}`)}
                onValueChange={(value) => setMinutes(priority, value)}
              />
            );
          })}
        </div>
      </fieldset>
    </SettingsForm>
  );
}
