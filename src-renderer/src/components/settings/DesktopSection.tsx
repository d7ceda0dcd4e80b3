import { useState } from 'react';
import type { DesktopSettings } from '../../../../src-preload/contract';
import { useDesktopSettingsStore } from '../../stores/desktop-settings-store';
import { describedBy, Field, ManagedBadge } from './Field';
import { StoreSectionLoader } from './SectionLoader';
import { SettingsForm } from './SettingsForm';
import { useSettingsSave } from './useSettingsSave';

/** This computer: start Baton at login (in the tray), and where updates come from. */
export function DesktopSection() {
  return (
    <StoreSectionLoader store={useDesktopSettingsStore} what="this computer's settings">
      {(value) => <DesktopForm settings={value} />}
    </StoreSectionLoader>
  );
}

function DesktopForm({ settings }: { settings: DesktopSettings }) {
  const [startAtLogin, setStartAtLogin] = useState(settings.startAtLogin);
  const [feed, setFeed] = useState(settings.updateFeedUrl ?? '');
  const input = { startAtLogin, updateFeedUrl: feed.trim() === '' ? null : feed.trim() };
  const dirty =
    input.startAtLogin !== settings.startAtLogin || input.updateFeedUrl !== settings.updateFeedUrl;
  const loginManaged = settings.managed.includes('startAtLogin');
  const feedManaged = settings.managed.includes('updateFeedUrl');
  const { errors, formError, saving, submit, clearError } = useSettingsSave({
    saved: 'Saved for this computer',
    save: async () => {
      const saved = await useDesktopSettingsStore.getState().save(input);
      setStartAtLogin(saved.startAtLogin);
      setFeed(saved.updateFeedUrl ?? '');
    },
  });

  return (
    <SettingsForm
      canEdit
      dirty={dirty}
      onSubmit={(e) => void submit(e)}
      formError={formError}
      actions={
        <button type="submit" className="primary" disabled={!dirty || saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      }
    >
      {!settings.applies && (
        <p className="field-hint">
          These apply in the Baton desktop app; this browser session only keeps them.
        </p>
      )}
      <label className={`settings-check${loginManaged ? ' is-managed' : ''}`}>
        <input
          type="checkbox"
          disabled={loginManaged}
          checked={startAtLogin}
          onChange={(e) => setStartAtLogin(e.target.checked)}
        />
        Start Baton in the tray when I sign in to this computer
        {loginManaged && (
          <>
            {' '}
            <ManagedBadge />
          </>
        )}
      </label>
      <Field
        id="desktop-feed"
        label="Update feed"
        hint={
          settings.canEditFeed
            ? 'The address your team publishes Baton releases to (latest.yml beside the installers). Empty: no automatic updates.'
            : 'Set by an owner or admin.'
        }
        error={errors.updateFeedUrl}
        managed={feedManaged}
      >
        <input
          {...describedBy('desktop-feed', { hint: true, error: errors.updateFeedUrl, managed: feedManaged })}
          type="url"
          placeholder="https://downloads.example.com/baton"
          value={feed}
          disabled={!settings.canEditFeed || feedManaged}
          onChange={(e) => {
            setFeed(e.target.value);
            clearError('updateFeedUrl');
          }}
        />
      </Field>
    </SettingsForm>
  );
}
