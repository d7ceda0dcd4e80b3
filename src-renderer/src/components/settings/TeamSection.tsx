import { formatDistanceStrict } from 'date-fns';
import { useEffect, useState } from 'react';
import type { TeamSettings } from '../../../../src-preload/contract';
import { useConnectWiseSettingsStore } from '../../stores/connectwise-settings-store';
import { useTeamSettingsStore } from '../../stores/team-settings-store';
import { describedBy, Field, ManagedBadge } from './Field';
import { StoreSectionLoader } from './SectionLoader';
import { SettingsForm } from './SettingsForm';
import { takeSaved, useSettingsSave } from './useSettingsSave';

/** What the typed interval means for a senior and for the ConnectWise API. */
function pollHint(typed: string): string {
  const seconds = Number(typed);
  if (typed.trim() === '' || !Number.isFinite(seconds) || seconds < 5)
    return 'How soon a senior hears of an escalation from another machine. A check with nothing new is one small request.';
  return `A senior hears of an escalation from another machine within ${formatDistanceStrict(0, seconds * 1000)}; with nothing new that is ${Math.round(3600 / seconds)} small requests an hour.`;
}

/** Team escalations (DESIGN §6): the poll interval and the boards whose escalations come here. */
export function TeamSection() {
  return (
    <StoreSectionLoader store={useTeamSettingsStore} what="the team settings">
      {(value) => <TeamForm settings={value} />}
    </StoreSectionLoader>
  );
}

function TeamForm({ settings }: { settings: TeamSettings }) {
  const [seconds, setSeconds] = useState(String(settings.pollSeconds));
  const [boardIds, setBoardIds] = useState<number[]>(settings.boardIds);
  const connected = useConnectWiseSettingsStore((s) => s.settings?.configured ?? false);
  const boards = useConnectWiseSettingsStore((s) => s.boards);
  useEffect(() => {
    if (connected && boards.state === 'idle') void useConnectWiseSettingsStore.getState().loadBoards();
  }, [connected, boards.state]);
  const input = { pollSeconds: seconds.trim() === '' ? Number.NaN : Number(seconds), boardIds };
  const dirty =
    input.pollSeconds !== settings.pollSeconds ||
    JSON.stringify([...boardIds].sort()) !== JSON.stringify([...settings.boardIds].sort());
  const { errors, formError, saving, submit, clearError } = useSettingsSave({
    saved: 'Team settings saved',
    save: async () => {
      const sent = { seconds, boardIds };
      const saved = await useTeamSettingsStore.getState().save(input);
      takeSaved(setSeconds, sent.seconds, String(saved.pollSeconds));
      takeSaved(setBoardIds, sent.boardIds, saved.boardIds);
    },
  });
  const { canEdit } = settings;
  const pollManaged = settings.managed.includes('pollSeconds');
  const boardsManaged = settings.managed.includes('boardIds');
  const toggle = (id: number) =>
    setBoardIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

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
        </>
      }
    >
      <Field
        id="team-poll"
        label="Check ConnectWise every (seconds)"
        hint={pollHint(seconds)}
        error={errors.pollSeconds}
        managed={pollManaged}
      >
        <input
          {...describedBy('team-poll', { hint: true, error: errors.pollSeconds, managed: pollManaged })}
          disabled={pollManaged}
          className="input-short"
          type="number"
          min={5}
          step={1}
          value={seconds}
          onChange={(e) => {
            setSeconds(e.target.value);
            clearError('pollSeconds');
          }}
        />
      </Field>
      <fieldset className={`settings-group${boardsManaged ? ' is-managed' : ''}`} disabled={boardsManaged}>
        <legend>
          Boards to watch{boardsManaged && ' '}
          {boardsManaged && <ManagedBadge />}
        </legend>
        <p className="field-hint">
          Escalated tickets on these boards come to this queue. None chosen: the board of the status mapping
          above.
        </p>
        {!connected ? (
          <p className="muted">Connect ConnectWise above to choose boards.</p>
        ) : boards.state === 'ready' ? (
          <div className="settings-checks">
            {boards.items.map((board) => (
              <label key={board.id} className="settings-check">
                <input
                  type="checkbox"
                  checked={boardIds.includes(board.id)}
                  onChange={() => toggle(board.id)}
                />
                {board.name}
              </label>
            ))}
          </div>
        ) : boards.state === 'failed' ? (
          <p className="form-error" role="alert">
            Could not read the boards: {boards.message}
          </p>
        ) : (
          <p className="muted" aria-busy="true">
            Loading the boards…
          </p>
        )}
      </fieldset>
    </SettingsForm>
  );
}
