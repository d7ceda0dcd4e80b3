import type { FormEvent, ReactNode } from 'react';
import { useContext } from 'react';
import { useUnsavedGuard } from '../../stores/unsaved-store';
import { SectionTitle } from './SettingsSection';

/**
 * A settings form's frame: read-only for anyone but an owner or admin (every field disabled; the
 * Settings screen says why, once, at its top), the form-level error, and the actions row (only for
 * those who may change settings).
 */
export function SettingsForm(props: {
  canEdit: boolean;
  onSubmit: (event: FormEvent) => void;
  /** An accessible name when a section holds more than one form. */
  label?: string;
  formError: string | null;
  /** Changed and not saved: leaving Settings asks first. */
  dirty: boolean;
  actions: ReactNode;
  children: ReactNode;
}) {
  const title = useContext(SectionTitle);
  useUnsavedGuard(title, props.canEdit && props.dirty);
  return (
    <form className="settings-form" onSubmit={props.onSubmit} noValidate aria-label={props.label}>
      <fieldset className="plain" disabled={!props.canEdit}>
        {props.children}
        {props.formError && (
          <p className="form-error" role="alert">
            {props.formError}
          </p>
        )}
        {props.canEdit && <div className="settings-actions">{props.actions}</div>}
      </fieldset>
    </form>
  );
}
