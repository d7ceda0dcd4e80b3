// Team escalations across machines (DESIGN §6), put together: the poller, the notes that carry the
// conversation, and the claim of an imported handoff through its ConnectWise ticket.
import type { User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { CoreEvents } from '../events';
import type { EnqueueRequest } from '../jobs/enqueue';
import type { ConnectWiseSettingsService } from '../psa/connectwise/connectwise-settings';
import type { MessageViews } from '../services/message-views';
import type { Db } from '../store/database';
import type { HandoffRow } from '../store/repos/handoffs';
import { noteLedger } from '../store/repos/psa-note-writes';
import { getSetting } from '../store/repos/settings';
import { followTicket } from '../store/repos/team-follows';
import { memberMapping, rememberMemberMatch } from '../store/repos/users';
import { claimThroughTicket } from './remote-claim';
import type { PsaMember } from './remote-claim';
import { createTeamNotes } from './team-notes';
import { createTeamPoller, TEAM_BOARDS_KEY } from './team-poller';

export function createTeamService(deps: {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  views: MessageViews;
  enqueue: (request: EnqueueRequest) => unknown;
  connectwise: ConnectWiseSettingsService;
  tell: (userId: string, title: string, body: string) => void;
  log: (message: string, err?: unknown) => void;
  /** Whether the person using this Baton takes escalations (only then are new ones imported here). */
  discovers: () => boolean;
  pollIntervalMs?: number;
}) {
  const { db, connectwise } = deps;
  const client = () => connectwise.client();
  const ledger = noteLedger(db, () => deps.clock.now());
  const notes = createTeamNotes({ ...deps, client, ledger });
  const poller = createTeamPoller({
    ...deps,
    client,
    notes,
    intervalMs: deps.pollIntervalMs,
    discovers: deps.discovers,
    escalatedStatus: () => connectwise.statusMapping().escalated,
    boardIds: () => {
      const chosen = getSetting<number[]>(db, TEAM_BOARDS_KEY);
      const mapped = connectwise.statusMapping().boardId;
      return chosen?.length ? chosen : mapped ? [mapped] : [];
    },
  });

  /** The actor's ConnectWise member: set by hand in Settings, else the member with their email. */
  async function memberOf(actor: User): Promise<PsaMember> {
    const mapped = memberMapping(db, actor.id);
    if (mapped) return { identifier: mapped, name: actor.name };
    const found = await (await client()).findMemberByEmail(actor.email);
    if (!found)
      throw new AppError(
        'NOT_CONFIGURED',
        `Your claim has to go through ConnectWise, and no ConnectWise member has your email (${actor.email}). ` +
          'Ask an owner or admin to map you to your member in Settings → ConnectWise → People, then claim again.',
      );
    rememberMemberMatch(db, actor.id, found.identifier);
    return { identifier: found.identifier, name: actor.name };
  }

  /**
   * Steps 1–4 of the claim protocol; throws ALREADY_CLAIMED naming the winner when another won. The
   * winner follows the ticket from then on, to carry the conversation.
   */
  async function claim(actor: User, row: HandoffRow): Promise<void> {
    const mapping = connectwise.statusMapping();
    const { lastNoteId } = await claimThroughTicket({
      client: await client(),
      ledger,
      actor,
      member: await memberOf(actor),
      handoffId: row.id,
      ticketId: row.psaTicketId!,
      handoffNoteId: Number(row.psaNoteId),
      escalated: mapping.escalated,
      claimed: mapping.claimed,
    });
    followTicket(
      db,
      { handoffId: row.id, sessionId: row.sessionId, ticketId: row.psaTicketId!, lastNoteId },
      deps.clock.now(),
    );
  }

  return {
    poll: () => poller.poll(),
    start: () => poller.start(),
    stop: () => poller.stop(),
    claim,
    messageAdded: notes.messageAdded,
    kinds: [notes.postMessageKind],
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
