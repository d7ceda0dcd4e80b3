import { useEffect, useState } from 'react';
import type {
  ConnectWiseSettingsView,
  ConnectWiseStatusOption,
  MappedStatus,
} from '../../../../src-preload/contract';
import { MAPPED_STATUSES } from '../../../../src-preload/contract';
import type { Live } from '../../stores/connectwise-settings-store';
import { useConnectWiseSettingsStore } from '../../stores/connectwise-settings-store';
import { describedBy, Field, ManagedBadge } from './Field';
import { useUnsavedGuard } from '../../stores/unsaved-store';
import { takeSaved, useSettingsSave } from './useSettingsSave';

const MAPPED: Record<MappedStatus, { label: string; hint: string }> = {
  resolved: {
    label: 'Resolved',
    hint: 'Set when a resolution note is posted. Usually a closed status.',
  },
  escalated: {
    label: 'Escalated',
    hint: 'Set when an escalation package is posted.',
  },
  claimed: {
    label: 'Claimed',
    hint: 'Set when a senior claims the handoff.',
  },
};

type Choices = Record<MappedStatus, number | null>;
interface Form extends Choices {
  boardId: number | null;
  notifyContact: boolean;
}

const formFrom = (s: ConnectWiseSettingsView): Form => ({
  boardId: s.boardId,
  notifyContact: s.notifyContact,
  resolved: s.statuses.resolved?.id ?? null,
  escalated: s.statuses.escalated?.id ?? null,
  claimed: s.statuses.claimed?.id ?? null,
});

const NOT_SET = '';
const statusLabel = (s: ConnectWiseStatusOption) => (s.closed ? `${s.name} (closed)` : s.name);

/**
 * Which of a board's statuses Baton sets on the linked ticket. The board and its statuses are read
 * live from ConnectWise, so only statuses that are on the board can be chosen; main checks again on save.
 */
export function ConnectWiseStatuses({ settings }: { settings: ConnectWiseSettingsView }) {
  return (
    <section className="settings-subsection" aria-labelledby="cw-statuses-title">
      <h3 id="cw-statuses-title">Statuses</h3>
      <p className="muted">
        What Baton sets on the linked ticket, read live from the service board. A status left not set is not
        changed.
      </p>
      {settings.configured ? (
        <StatusesForm settings={settings} />
      ) : (
        <>
          <ManagedMapping settings={settings} />
          <p className="settings-placeholder" role="note">
            {settings.canEdit
              ? 'Save the connection above first: the boards and their statuses come from ConnectWise.'
              : 'ConnectWise is not connected yet: an owner or admin connects it above.'}
          </p>
        </>
      )}
    </section>
  );
}

/** Before ConnectWise is connected (no live board to show): what the organization's file already set. */
function ManagedMapping({ settings }: { settings: ConnectWiseSettingsView }) {
  const managed = (field: ConnectWiseSettingsView['managed'][number]) => settings.managed.includes(field);
  const parts = [
    managed('boardId') && settings.boardId !== null && `service board ${settings.boardId}`,
    ...MAPPED_STATUSES.map(
      (key) =>
        managed(key) && settings.statuses[key] && `${MAPPED[key].label}: ${settings.statuses[key].name}`,
    ),
    managed('notifyContact') &&
      `ConnectWise ${settings.notifyContact ? 'emails' : 'does not email'} the contact on resolution`,
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length === 0) return null;
  return (
    <p className="managed-note">
      <ManagedBadge /> {parts.join('; ')}.
    </p>
  );
}

function StatusesForm({ settings }: { settings: ConnectWiseSettingsView }) {
  const boards = useConnectWiseSettingsStore((s) => s.boards);
  const statuses = useConnectWiseSettingsStore((s) => s.statuses);
  const { loadBoards, loadStatuses, saveMapping } = useConnectWiseSettingsStore.getState();
  const [form, setForm] = useState<Form>(() => formFrom(settings));
  /** Choices the last board change cleared, to say why they are empty now. */
  const [cleared, setCleared] = useState<Partial<Record<MappedStatus, string>>>({});
  const { canEdit } = settings;
  const managed = (field: ConnectWiseSettingsView['managed'][number]) => settings.managed.includes(field);

  // Read live each time the form opens: the boards and the saved board's statuses.
  const [savedBoard] = useState(settings.boardId);
  useEffect(() => {
    const { loadBoards, loadStatuses } = useConnectWiseSettingsStore.getState();
    void loadBoards();
    void loadStatuses(savedBoard);
  }, [savedBoard]);

  // The statuses shown are those of the board in the form (a reply for another board is not used).
  const options: Live<ConnectWiseStatusOption> =
    statuses.boardId === form.boardId ? statuses : { state: 'loading' };
  const onBoard = (id: number | null) =>
    id !== null && options.state === 'ready' && options.items.some((s) => s.id === id);
  // A saved status that is no longer on the board is shown as not set, with a note, and not sent.
  const effective = (key: MappedStatus) =>
    options.state !== 'ready' || onBoard(form[key]) ? form[key] : null;
  const input = {
    boardId: form.boardId ?? 0,
    resolved: effective('resolved'),
    escalated: effective('escalated'),
    claimed: effective('claimed'),
    notifyContact: form.notifyContact,
  };
  const saved = formFrom(settings);
  const dirty =
    MAPPED_STATUSES.some((k) => input[k] !== saved[k]) ||
    form.boardId !== saved.boardId ||
    form.notifyContact !== saved.notifyContact;
  useUnsavedGuard('ConnectWise statuses', settings.canEdit && dirty);
  const { errors, formError, saving, submit, clearError } = useSettingsSave({
    saved: 'ConnectWise statuses saved',
    save: async () => {
      const sent = form;
      takeSaved(setForm, sent, formFrom(await saveMapping(input)));
      setCleared({});
    },
  });

  async function chooseBoard(boardId: number) {
    setForm((f) => ({ ...f, boardId }));
    setCleared({});
    clearError('boardId');
    await loadStatuses(boardId);
    // Choices not on the new board are cleared (status ids are unique across boards).
    const loaded = useConnectWiseSettingsStore.getState().statuses;
    if (loaded.state !== 'ready' || loaded.boardId !== boardId) return;
    const ids = new Set(loaded.items.map((s) => s.id));
    const names = previousNames();
    const dropped: Partial<Record<MappedStatus, string>> = {};
    setForm((f) => {
      if (f.boardId !== boardId) return f;
      const next = { ...f };
      for (const key of MAPPED_STATUSES) {
        const id = f[key];
        if (id !== null && !ids.has(id)) {
          next[key] = null;
          dropped[key] = names.get(id) ?? `Status ${id}`;
        }
      }
      return next;
    });
    setCleared(dropped);
  }

  /** Names of the statuses chosen so far (from the board they were on, or as saved). */
  function previousNames(): Map<number, string> {
    const names = new Map<number, string>();
    for (const key of MAPPED_STATUSES) {
      const ref = settings.statuses[key];
      if (ref) names.set(ref.id, ref.name);
    }
    if (options.state === 'ready') for (const s of options.items) names.set(s.id, s.name);
    return names;
  }

  function choose(key: MappedStatus, value: string) {
    setForm((f) => ({ ...f, [key]: value === NOT_SET ? null : Number(value) }));
    setCleared(({ [key]: _gone, ...rest }) => rest);
    clearError(key);
  }

  const note = (key: MappedStatus): string | null => {
    if (cleared[key]) return `“${cleared[key]}” is not on this board, so it was cleared.`;
    const id = form[key];
    if (options.state !== 'ready' || id === null || onBoard(id)) return null;
    const name = settings.statuses[key]?.id === id ? settings.statuses[key].name : `Status ${id}`;
    return `“${name}” (saved) is no longer on this board: choose another, or save it as not set.`;
  };

  const boardMissing =
    boards.state === 'ready' && form.boardId !== null && !boards.items.some((b) => b.id === form.boardId);

  return (
    <form
      className="settings-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="ConnectWise statuses"
    >
      <fieldset className="plain" disabled={!canEdit}>
        <Field id="cw-board" label="Service board" error={errors.boardId} managed={managed('boardId')}>
          <div className="select-row">
            <select
              {...describedBy('cw-board', { error: errors.boardId, managed: managed('boardId') })}
              value={form.boardId ?? NOT_SET}
              disabled={boards.state !== 'ready' || managed('boardId')}
              aria-busy={boards.state === 'loading'}
              onChange={(e) => void chooseBoard(Number(e.target.value))}
            >
              {boards.state === 'ready' ? (
                <>
                  <option value={NOT_SET} disabled>
                    Choose a board…
                  </option>
                  {boardMissing && (
                    <option value={form.boardId!} disabled>
                      Board {form.boardId} (not found in ConnectWise)
                    </option>
                  )}
                  {boards.items.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </>
              ) : (
                <option value={form.boardId ?? NOT_SET}>
                  {boards.state === 'failed' ? 'Boards not loaded' : 'Loading boards…'}
                </option>
              )}
            </select>
          </div>
        </Field>
        <LiveFailure live={boards} what="the service boards" retry={() => void loadBoards()} />

        {form.boardId !== null && (
          <>
            <div className="cw-status-fields">
              {MAPPED_STATUSES.map((key) => {
                const hint = note(key) ?? MAPPED[key].hint;
                const warn = note(key) !== null;
                return (
                  <Field
                    key={key}
                    id={`cw-status-${key}`}
                    label={MAPPED[key].label}
                    hint={warn ? undefined : hint}
                    warning={warn ? hint : null}
                    error={errors[key]}
                    managed={managed(key)}
                  >
                    <select
                      {...describedBy(`cw-status-${key}`, {
                        hint: !warn,
                        warning: warn,
                        error: errors[key],
                        managed: managed(key),
                      })}
                      value={options.state === 'ready' ? (effective(key) ?? NOT_SET) : NOT_SET}
                      disabled={options.state !== 'ready' || managed(key)}
                      aria-busy={options.state === 'loading'}
                      onChange={(e) => choose(key, e.target.value)}
                    >
                      {options.state === 'ready' ? (
                        <>
                          <option value={NOT_SET}>Not set (status left alone)</option>
                          {options.items.map((s) => (
                            <option key={s.id} value={s.id}>
                              {statusLabel(s)}
                            </option>
                          ))}
                        </>
                      ) : (
                        <option value={NOT_SET}>
                          {options.state === 'failed' ? 'Statuses not loaded' : 'Loading statuses…'}
                        </option>
                      )}
                    </select>
                  </Field>
                );
              })}
            </div>
            <LiveFailure
              live={options}
              what="the board’s statuses"
              retry={() => void loadStatuses(form.boardId)}
            />
          </>
        )}

        <label className={`settings-check cw-notify${managed('notifyContact') ? ' is-managed' : ''}`}>
          <input
            type="checkbox"
            disabled={managed('notifyContact')}
            checked={form.notifyContact}
            onChange={(e) => setForm((f) => ({ ...f, notifyContact: e.target.checked }))}
          />
          <span>
            Let ConnectWise email the ticket&apos;s contact when a resolution note is posted
            <span className="muted"> (its own workflow sends the email; escalation notes never notify)</span>
            {managed('notifyContact') && (
              <>
                {' '}
                <ManagedBadge />
              </>
            )}
          </span>
        </label>

        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        {canEdit && (
          <div className="settings-actions">
            <button
              type="submit"
              className="primary"
              disabled={!dirty || saving || form.boardId === null || options.state !== 'ready'}
            >
              {saving ? 'Saving…' : 'Save statuses'}
            </button>
            {dirty && (
              <button type="button" disabled={saving} onClick={() => void discard()}>
                Discard changes
              </button>
            )}
          </div>
        )}
      </fieldset>
    </form>
  );

  async function discard() {
    const back = formFrom(settings);
    setForm(back);
    setCleared({});
    if (back.boardId !== statuses.boardId) await loadStatuses(back.boardId);
  }
}

/** A live read that failed: offline (ConnectWise cannot be reached) or refused, with Try again. */
export function LiveFailure(props: { live: Live<unknown>; what: string; retry: () => void }) {
  if (props.live.state !== 'failed') return null;
  const offline = props.live.code === 'OFFLINE';
  return (
    <p className={`live-failure${offline ? ' offline' : ''}`} role="alert">
      <span>
        {offline ? (
          <>
            <strong>Offline.</strong> {props.what[0]!.toUpperCase() + props.what.slice(1)} are read live from
            ConnectWise, which cannot be reached right now.{' '}
            <span className="muted">({props.live.message})</span>
          </>
        ) : (
          <>
            Could not load {props.what}: {props.live.message}
          </>
        )}
      </span>
      <button type="button" className="small" onClick={props.retry}>
        Try again
      </button>
    </p>
  );
}
