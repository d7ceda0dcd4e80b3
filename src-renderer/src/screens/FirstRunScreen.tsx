import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import type { ManagedStatus } from '../../../src-preload/contract';
import { BatonError, baton, unwrap } from '../api/client';
import { useAppStore } from '../stores/app-store';
import '../managed.css';

export function FirstRunScreen() {
  const createProfile = useAppStore((s) => s.createProfile);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // With the organization's team roster, the role comes from it (not "owner"): say so before anyone types.
  const [managed, setManaged] = useState<ManagedStatus | null>(null);
  useEffect(() => {
    unwrap(baton().managed.status())
      .then(setManaged)
      .catch(() => setManaged(null));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    setFormError(null);
    try {
      await createProfile({ name, email });
    } catch (err) {
      if (err instanceof BatonError && err.code === 'VALIDATION') setErrors(err.fieldErrors());
      else setFormError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <main className="first-run">
      <form
        className="card first-run-card"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="first-run-title"
      >
        <div className="brand-mark" aria-hidden="true">
          B
        </div>
        <h1 id="first-run-title">Welcome to Baton</h1>
        {managed?.notOnRoster && (
          <p className="managed-note" role="note">
            {managed.notOnRoster.name}&apos;s profile ({managed.notOnRoster.email}) is not on your
            organization&apos;s team roster, so it can no longer be used here. Its work stays on this
            computer.
          </p>
        )}
        {managed?.roster ? (
          <p className="muted">
            Set up your profile on this computer. Your name and email go on handoffs and PSA notes so your
            team knows who did what. Your organization&apos;s team roster decides your role: use the work
            email it lists for you.
          </p>
        ) : (
          <p className="muted">
            Set up your profile on this computer. Your name and email go on handoffs and PSA notes so your
            team knows who did what. As the first person here you are this computer&apos;s owner: you connect
            ConnectWise, Microsoft 365 and the AI assistant, and add your colleagues&apos; profiles with their
            roles.
          </p>
        )}
        <Field label="Your name" error={errors.name} htmlFor="profile-name">
          <input
            id="profile-name"
            autoFocus
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Jane Doe"
          />
        </Field>
        <Field label="Work email" error={errors.email} htmlFor="profile-email">
          <input
            id="profile-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="jane@yourmsp.com"
          />
        </Field>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <button type="submit" className="primary wide" disabled={saving}>
          {saving ? 'Saving…' : 'Continue'}
        </button>
      </form>
    </main>
  );
}

function Field(props: {
  label: string;
  htmlFor: string;
  error?: string | undefined;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={`field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={props.htmlFor}>{props.label}</label>
      {props.children}
      {props.error ? (
        <span className="field-error" role="alert">
          {props.error}
        </span>
      ) : (
        props.hint && <span className="field-hint">{props.hint}</span>
      )}
    </div>
  );
}
