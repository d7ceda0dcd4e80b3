import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { FormEvent } from 'react';
import { useEffect, useId, useState } from 'react';
import { toast } from 'sonner';
import type { UserRole } from '../../../../src-preload/contract';
import { ROLES_GRANTED_BY } from '../../../../src-preload/contract';
import { BatonError, baton, unwrap } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { useHandoffStore } from '../../stores/handoff-store';
import { useMyHandoffsStore } from '../../stores/my-handoffs-store';
import type { User } from '../../../../src-preload/contract';

/** Makes `id` the current profile on this workstation and reloads everything for it. */
export async function switchProfile(id: string): Promise<User> {
  const user = await unwrap(baton().profile.switch({ id }));
  useHandoffStore.getState().reset();
  useMyHandoffsStore.getState().reset();
  useAppStore.setState({ view: 'sessions', selectedId: null, detail: null });
  await useAppStore.getState().load();
  void useHandoffStore.getState().load();
  return user;
}

/** A small form for another person on this workstation: name, email, role; then switches to them. */
export function AddProfileDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onClosed: () => void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  // Only the roles this profile may give (roles are never self-granted; main enforces it too).
  const me = useAppStore((s) => s.profile);
  const grantable = ROLES_GRANTED_BY[me?.role ?? 'technician'];
  const firstChoice: UserRole = grantable.includes('engineer') ? 'engineer' : 'technician';
  const [role, setRole] = useState<UserRole>(firstChoice);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  // With the organization's team roster, the role is the roster's: there is nothing to choose.
  const [roster, setRoster] = useState(false);
  useEffect(() => {
    if (!props.open) return;
    unwrap(baton().managed.status())
      .then((status) => setRoster(status.roster))
      .catch(() => setRoster(false));
  }, [props.open]);

  const reset = () => {
    setName('');
    setEmail('');
    setRole(firstChoice);
    setErrors({});
    setFormError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      const user = await unwrap(baton().profile.add({ name, email, role }));
      await switchProfile(user.id);
      props.onOpenChange(false);
      reset();
      toast.success(`Added ${user.name} (${user.role}) and switched to them`);
    } catch (err) {
      if (err instanceof BatonError && err.code === 'VALIDATION') setErrors(err.fieldErrors());
      else setFormError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: string) => ({
    id: `${id}-${key}`,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
  });
  const error = (key: string) =>
    errors[key] ? (
      <span className="field-error" id={`${id}-${key}-error`} role="alert">
        {errors[key]}
      </span>
    ) : null;

  return (
    <AlertDialog.Root
      open={props.open}
      onOpenChange={(o) => {
        if (!o) reset();
        props.onOpenChange(o);
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog card add-profile-dialog"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            props.onClosed();
          }}
        >
          <form onSubmit={(e) => void submit(e)} noValidate className="handoff-form">
            <AlertDialog.Title className="dialog-title">Add a profile</AlertDialog.Title>
            <AlertDialog.Description className="dialog-description">
              For someone else who uses this computer. You switch to the new profile straight away.
            </AlertDialog.Description>
            <div className={`field${errors.name ? ' has-error' : ''}`}>
              <label htmlFor={`${id}-name`}>Name</label>
              <input
                {...field('name')}
                value={name}
                autoComplete="off"
                onChange={(e) => setName(e.target.value)}
              />
              {error('name')}
            </div>
            <div className={`field${errors.email ? ' has-error' : ''}`}>
              <label htmlFor={`${id}-email`}>Email</label>
              <input
                {...field('email')}
                type="email"
                value={email}
                autoComplete="off"
                onChange={(e) => setEmail(e.target.value)}
              />
              {error('email')}
            </div>
            {roster ? (
              <p className="field-hint" role="note">
                Their role comes from your organization&apos;s team roster (by their email). Only people on
                the roster can be added.
              </p>
            ) : (
              <div className={`field${errors.role ? ' has-error' : ''}`}>
                <label htmlFor={`${id}-role`}>Role</label>
                <select {...field('role')} value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
                  {grantable.map((r) => (
                    <option key={r} value={r}>
                      {r[0]!.toUpperCase() + r.slice(1)}
                    </option>
                  ))}
                </select>
                {error('role')}
              </div>
            )}
            {formError && (
              <p className="form-error" role="alert">
                {formError}
              </p>
            )}
            <div className="dialog-actions">
              <AlertDialog.Cancel asChild>
                <button type="button">Cancel</button>
              </AlertDialog.Cancel>
              <button type="submit" className="primary" disabled={busy}>
                {busy ? 'Adding…' : 'Add and switch'}
              </button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
