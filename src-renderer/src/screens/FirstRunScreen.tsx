import type { FormEvent } from 'react';
import { useState } from 'react';
import { BatonError } from '../api/client';
import { useAppStore } from '../stores/app-store';

export function FirstRunScreen() {
  const createProfile = useAppStore((s) => s.createProfile);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

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
        <p className="muted">
          Set up your profile on this computer. Your name and email go on handoffs and PSA notes so your team
          knows who did what. As the first person here you are this computer's owner: you connect ConnectWise,
          Microsoft 365 and the AI assistant, and add your colleagues' profiles with their roles.
        </p>
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
