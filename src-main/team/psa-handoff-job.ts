// Escalating a session linked to a ConnectWise ticket (DESIGN §6): the package goes on the ticket as
// an internal-analysis note with a machine-readable trailer, and the ticket moves to the escalated
// status (verified by a re-fetch) — which is how seniors' Batons on other machines find it.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { HandoffSnapshot } from '../../src-preload/contract';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import { defineJobKind } from '../jobs/job-kinds';
import type { ConnectWiseClient } from '../psa/connectwise/client';
import { asJobError } from '../psa/connectwise/errors';
import type { ConnectWiseStatusRef } from '../psa/connectwise/settings-schemas';
import type { Db } from '../store/database';
import { getHandoff, getHandoffRow, setHandoffPsaNote } from '../store/repos/handoffs';
import { getSessionRow } from '../store/repos/sessions';
import { getUser } from '../store/repos/users';
import { withTrailer } from './trailer';

export const TEAM_POST_HANDOFF = 'team.post_handoff';
export const handoffReference = (handoffId: string) => `baton-team:handoff:${handoffId}`;

export function compactSnapshot(snapshot: HandoffSnapshot) {
  return {
    summary: snapshot.summary.slice(0, 500),
    stepCount: snapshot.stepCount,
    factCount: snapshot.factCount,
    confidence: snapshot.confidence,
    branches: snapshot.branches.slice(0, 20).map((b) => ({
      label: b.label.slice(0, 300),
      status: b.status,
      reason: b.reason?.slice(0, 500) ?? null,
    })),
  };
}

export function psaHandoffKind(deps: {
  db: Db;
  clock: Clock;
  events: CoreEvents;
  client: () => Promise<ConnectWiseClient>;
  escalatedStatus: () => ConnectWiseStatusRef | null;
}) {
  const { db } = deps;
  return defineJobKind({
    kind: TEAM_POST_HANDOFF,
    service: 'connectwise',
    payload: z.object({ handoffId: z.uuid() }),
    describe: () => 'Post the escalation package to ConnectWise for the team',
    async run({ handoffId }, ctx) {
      const row = getHandoffRow(db, handoffId);
      const session = row && getSessionRow(db, row.sessionId);
      if (!row || !session || row.psaTicketId === null) return;
      const handoff = getHandoff(db, handoffId, row.handedOffById)!;
      const from = getUser(db, row.handedOffById);
      try {
        const client = await deps.client();
        const packageText = session.escalationPackageMarkdown ?? handoff.reason;
        const text = withTrailer(packageText, 'handoff', {
          v: 1,
          handoffId,
          sessionId: session.id,
          title: session.title.slice(0, 300),
          priority: row.priority,
          reason: row.reason.slice(0, 2_000),
          notes: row.engineerNotes?.slice(0, 4_000) ?? null,
          from: { name: from?.name ?? 'A technician', email: from?.email ?? '' },
          ticketNumber: handoff.ticketNumber,
          snapshotRef: `sha256:${createHash('sha256').update(row.snapshot).digest('hex')}`,
          snapshot: compactSnapshot(handoff.snapshot),
        });
        const { note } = await client.postNoteOnce(
          row.psaTicketId,
          { text, kind: 'internal' },
          handoffReference(handoffId),
        );
        setHandoffPsaNote(db, handoffId, String(note.id));
        ctx.signal.throwIfAborted();
        const escalated = deps.escalatedStatus();
        if (escalated)
          await client.changeStatusVerified(row.psaTicketId, escalated.id, { expectedName: escalated.name });
      } catch (err) {
        throw asJobError(err);
      }
    },
  });
}
