// Team escalations across machines (DESIGN §6), put together: the poller, the notes that carry the
// conversation, and the claim of an imported handoff through its ConnectWise ticket.
import { eq } from 'drizzle-orm';
import type { User } from '../../src-preload/contract';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { CoreEvents } from '../events';
import type { EnqueueRequest } from '../jobs/enqueue';
import type { ConnectWiseSettingsService } from '../psa/connectwise/connectwise-settings';
import type { MessageViews } from '../services/message-views';
import type { Db } from '../store/database';
import type { HandoffRow } from '../store/repos/handoffs';
import { getSetting } from '../store/repos/settings';
import { users } from '../store/schema';
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
  pollIntervalMs?: number;
}) {
  const { db, connectwise } = deps;
  const client = () => connectwise.client();
  const notes = createTeamNotes({ ...deps, client });
  const poller = createTeamPoller({
    ...deps,
    client,
    notes,
    intervalMs: deps.pollIntervalMs,
    escalatedStatus: () => connectwise.statusMapping().escalated,
    boardIds: () => {
      const chosen = getSetting<number[]>(db, TEAM_BOARDS_KEY);
      const mapped = connectwise.statusMapping().boardId;
      return chosen?.length ? chosen : mapped ? [mapped] : [];
    },
  });

  /** The actor's ConnectWise member: the manual override, else the member with their email. */
  async function memberOf(actor: User): Promise<PsaMember> {
    const override = db
      .select({ member: users.psaMemberIdentifier })
      .from(users)
      .where(eq(users.id, actor.id))
      .get()?.member;
    if (override) return { identifier: override, name: actor.name };
    const found = await (await client()).findMemberByEmail(actor.email);
    if (!found)
      throw new AppError(
        'NOT_CONFIGURED',
        `No ConnectWise member has the email ${actor.email}: ask an admin to map your member in Settings`,
      );
    db.update(users).set({ psaMemberIdentifier: found.identifier }).where(eq(users.id, actor.id)).run();
    return { identifier: found.identifier, name: actor.name };
  }

  /** Steps 1–4 of the claim protocol; throws ALREADY_CLAIMED naming the winner when another won. */
  async function claim(actor: User, row: HandoffRow): Promise<void> {
    const mapping = connectwise.statusMapping();
    await claimThroughTicket({
      client: await client(),
      actor,
      member: await memberOf(actor),
      handoffId: row.id,
      ticketId: row.psaTicketId!,
      escalated: mapping.escalated,
      claimed: mapping.claimed,
    });
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
