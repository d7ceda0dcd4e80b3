// A new handoff becomes searchable (its reason, notes and support ticket number) through a local job
// enqueued with it: it runs at once, online or not, in its own transaction. The first write to the
// full-text index in a transaction cost more than the rest of an escalate click (issue 12's bench).
import { z } from 'zod';
import type { EnqueueRequest } from '../jobs/enqueue';
import { defineJobKind } from '../jobs/job-kinds';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';
import { indexHandoffDocs } from '../store/repos/search';

export const HANDOFF_SEARCH_INDEX = 'handoff.search-index';

export const searchIndexJob = (target: { handoffId: string; sessionId: string }): EnqueueRequest => ({
  kind: HANDOFF_SEARCH_INDEX,
  payload: { handoffId: target.handoffId },
  idempotencyKey: `search-index:${target.handoffId}`,
  sessionId: target.sessionId,
});

export function handoffSearchIndexKind(deps: { db: Db }) {
  return defineJobKind({
    kind: HANDOFF_SEARCH_INDEX,
    service: 'local',
    payload: z.object({ handoffId: z.uuid() }),
    describe: () => 'Make the handoff searchable',
    run({ handoffId }) {
      inTransaction(deps.db, () => indexHandoffDocs(deps.db, handoffId));
      return Promise.resolve();
    },
  });
}
