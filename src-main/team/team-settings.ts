// Settings → Team escalations: how often this Baton polls ConnectWise and which boards it watches
// (none chosen: the board of the status mapping). Admins change them; every change is audited.
import type { z } from 'zod';
import type { TeamSettings, TeamSettingsInput, User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { appendAudit } from '../store/repos/audit-log';
import { getSetting, putSetting } from '../store/repos/settings';
import { DEFAULT_POLL_SECONDS, TEAM_BOARDS_KEY, TEAM_POLL_SECONDS_KEY } from './team-poller';
import { assertMayCall, mayCall } from '../ipc/authorization';
import type { ManagedSettings } from '../managed/managed-settings';
import { noManagedSettings } from '../managed/managed-settings';

export function createTeamSettings(deps: { db: Db; clock: Clock; managed?: ManagedSettings }) {
  const { db, clock } = deps;
  const managed = deps.managed ?? noManagedSettings();

  function view(actor: User): TeamSettings {
    return {
      pollSeconds: getSetting<number>(db, TEAM_POLL_SECONDS_KEY) ?? DEFAULT_POLL_SECONDS,
      boardIds: getSetting<number[]>(db, TEAM_BOARDS_KEY) ?? [],
      canEdit: mayCall(actor, 'settings:team-save'),
      managed: managed.fields('team', ['pollSeconds', 'boardIds'] as const),
    };
  }

  function save(actor: User, input: z.output<typeof TeamSettingsInput>): TeamSettings {
    assertMayCall(actor, 'settings:team-save');
    managed.assertUnchanged({ 'team.pollSeconds': input.pollSeconds, 'team.boardIds': input.boardIds });
    const now = clock.now();
    inTransaction(db, () => {
      putSetting(db, TEAM_POLL_SECONDS_KEY, input.pollSeconds, now, actor.id);
      putSetting(db, TEAM_BOARDS_KEY, input.boardIds, now, actor.id);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'settings.team.update',
          entityType: 'settings',
          entityId: 'team',
          details: input,
        },
        now,
      );
    });
    return view(actor);
  }

  return { view, save };
}
