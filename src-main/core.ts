// The composition root: everything Baton does, as plain Node. The Electron entry wires it to ipcMain
// and the window; the browser host wires it to a loopback WebSocket; tests build it directly.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../src-preload/contract';
import { isSenior } from '../src-preload/contract';
import { aiReplyKind } from './ai/ai-reply-job';
import { createAiSettings } from './ai/ai-settings';
import { createReplyRequests } from './ai/reply-requests';
import type { Clock } from './clock';
import { systemClock } from './clock';
import { CoreEvents } from './events';
import type { Dispatch } from './ipc/dispatcher';
import { createDispatcher } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { createActivity } from './desktop/activity';
import { createDesktopSettings } from './desktop/desktop-settings';
import { createUpdates } from './desktop/updates';
import { createConnectivity } from './jobs/connectivity';
import type { EnqueueRequest } from './jobs/enqueue';
import { enqueueJob } from './jobs/enqueue';
import type { JobKind } from './jobs/job-kinds';
import { createJobKinds } from './jobs/job-kinds';
import { createBell } from './notify/bell';
import { createWebhooks } from './notify/webhooks';
import { enrichHandoffKind } from './handoffs/enrich-job';
import type { AnnounceChannels } from './handoffs/handoff-notifications';
import { createHandoffService } from './handoffs/handoff-service';
import { createHandoffSettings } from './handoffs/handoff-settings';
import { createOverdueWatch } from './handoffs/overdue-watch';
import { createStoreWatch } from './handoffs/store-watch';
import { createFixService } from './fixes/fix-service';
import { createJobWaiters } from './jobs/job-waiters';
import { getJob, unfinishedJobPayloads } from './store/repos/jobs';
import { createNoteDrafts } from './notes/note-drafts';
import { psaPostKind } from './notes/psa-post-job';
import { createMicrosoft365 } from './microsoft';
import { createEmailRecipients } from './microsoft/email-recipients';
import { createConnectWiseSettings } from './psa/connectwise/connectwise-settings';
import { createTicketLinks } from './psa/ticket-link';
import { createMemberMapping } from './psa/connectwise/member-mapping';
import { handoffPackageKind } from './handoffs/handoff-package';
import { handoffSearchIndexKind } from './handoffs/handoff-search-index';
import { createTeamService } from './team/team-service';
import { createTeamSettings } from './team/team-settings';
import { createNotePosting } from './notes/note-posting';
import { createInsights } from './insights/insights-service';
import { DIAGNOSTIC_ECHO, diagnosticEchoKind } from './jobs/kinds/diagnostic-echo';
import { createQueueService } from './jobs/queue-service';
import type { WorkerOptions } from './jobs/worker';
import { createJobWorker } from './jobs/worker';
import type { HttpClient } from './net/http';
import { createHttpClient } from './net/http';
import { attachAtRest, createAtRest } from './redaction/at-rest';
import { gateLogLine } from './redaction/gate';
import { redactStoredText } from './redaction/inbound';
import { migrateWithheldSecrets } from './store/at-rest-migration';
import { AI_REPLY, createMessageViews } from './services/message-views';
import { createAppearance } from './services/appearance';
import { createProfileService } from './services/profile-service';
import { createSessionService } from './services/session-service';
import { createWorkspaceService } from './services/workspace-service';
import { openStore, startCheckpointer } from './store/database';
import { applyManagedSettings } from './managed/apply';
import type { ManagedLocation } from './managed/managed-file';
import { loadManagedSettings } from './managed/managed-file';
import { createManagedService } from './managed/managed-service';
import { createManagedSettings } from './managed/managed-settings';
import type { SecretVault } from './vault/secret-vault';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  vault: SecretVault;
  host: AppInfo['host'];
  version: string;
  clock?: Clock;
  /** Where log lines go; each arrives as one line that already passed the redaction gate (err folded in). */
  log?: (message: string, err?: unknown) => void;
  /** The one outbound HTTP client (tests pass one with short timeouts). */
  http?: HttpClient;
  /** Extra job kinds (tests). */
  jobKinds?: readonly JobKind<unknown>[];
  /** Worker tuning (tests): limits, backoff, probe interval. */
  worker?: Pick<WorkerOptions, 'limits' | 'defaultLimit' | 'backoff' | 'probe' | 'pollMs' | 'random'>;
  /** Start the outbox worker (default true). */
  startWorker?: boolean;
  /** Echo every note to this endpoint through the outbox (diagnostics; see diagnostic-echo.ts). */
  diagnosticEchoUrl?: string | undefined;
  /** How long an AI request may take before it counts as a timeout (default 120 s). */
  aiTimeoutMs?: number;
  /** How long "Confirm & post" waits for ConnectWise before answering "queued" (default 20 s). */
  postWaitMs?: number;
  /** Opens an https page in the system browser (Electron's shell.openExternal); default: ask the UI. */
  openExternal?: (url: string) => Promise<void>;
  /** Poll ConnectWise for team escalations on a timer (default true when the worker starts). */
  teamPoll?: boolean;
  /** Team poll interval override (tests; Settings' team.pollSeconds otherwise). */
  teamPollMs?: number;
  /** Where push events go (the start-up launcher hands its own, so listeners outlive a late start). */
  events?: CoreEvents;
  /**
   * Where the organization's managed settings file is (hosts pass managedSettingsLocation()); absent:
   * nothing is managed. Read once, here: a changed file applies at the next start.
   */
  managedSettings?: ManagedLocation | null;
}

export type Core = ReturnType<typeof createCore>;

/** Where log lines go without a log file: stderr. Every line reaching it has passed the redaction gate. */
const consoleSink = (line: string) => console.error(`[baton] ${line}`);

/** A gated log for code that runs before (or beside) a core: the browser host, the start-up launcher. */
export const gatedConsoleLog = (message: string, err?: unknown) => consoleSink(gateLogLine(message, err));

export const DATABASE_FILE = 'baton.db';

export function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const sink = options.log ?? consoleSink;
  // The log is a path out (a file a technician sends to support): every line passes the redaction gate.
  const log = (message: string, err?: unknown) => sink(gateLogLine(message, err));
  mkdirSync(options.dataDir, { recursive: true });
  const store = openStore(join(options.dataDir, DATABASE_FILE), options.migrationsDir);
  const stopCheckpointer = startCheckpointer(store.sqlite);
  const events = options.events ?? new CoreEvents();
  const db = store.db;
  const http = options.http ?? createHttpClient();
  // Managed values go into the settings table before any service reads one (issue 17).
  const managed = createManagedSettings(
    options.managedSettings ? loadManagedSettings(options.managedSettings) : null,
  );
  applyManagedSettings(db, managed, clock.now(), (line) => log(line));
  // Withheld secrets are sealed under a key from the keychain (issue 14). It is read now, and every IPC
  // call and job waits for that first read, so the store's synchronous writes can seal; a store written
  // before this build is then rewritten once (placeholders in, values sealed).
  const atRest = createAtRest({ vault: options.vault, log });
  attachAtRest(store.sqlite, atRest);
  let storeReady: Promise<void> | null = null;
  const whenStoreReady = (): Promise<void> =>
    (storeReady ??= atRest.ready().then(() => {
      if (!atRest.hasKey()) {
        storeReady = null; // the keychain was unavailable: ask again next time
        return;
      }
      try {
        migrateWithheldSecrets(store.sqlite, db, clock.now());
      } catch (err) {
        storeReady = null;
        log('Sealing the secrets of an older store failed; it is tried again on the next call', err);
      }
    }));
  void whenStoreReady();

  const activity = createActivity(db);
  const updates = createUpdates({ events, activity, log });
  const connectivity = createConnectivity(db, clock);
  const views = createMessageViews(db, connectivity);
  const workspace = createWorkspaceService(db, clock, events);
  const ai = createAiSettings({
    db,
    clock,
    vault: options.vault,
    fetch: http.fetchFor({ content: 'ai' }),
    timeoutMs: options.aiTimeoutMs,
    managed,
  });
  const webhooks = createWebhooks({ db, clock, vault: options.vault, http, managed });
  const bell = createBell({ db, clock, events });
  const connectwise = createConnectWiseSettings({ db, clock, vault: options.vault, http, managed });
  const microsoft = createMicrosoft365({
    db,
    clock,
    vault: options.vault,
    http,
    dataDir: options.dataDir,
    managed,
    // Electron opens the system browser; the browser host asks its page to open a tab.
    openBrowser:
      options.openExternal ??
      ((url) => {
        events.emit('open_url', { url });
        return Promise.resolve();
      }),
    log,
  });
  const jobWaiters = createJobWaiters(db);
  const team = createTeamService({
    db,
    clock,
    events,
    views,
    // Bound late: the outbox is built below; team work only enqueues once the core is running.
    enqueue: (request) => enqueue(request),
    connectwise,
    tell: bell.tell,
    log,
    // Bound late (profiles are built below): a technician's laptop follows only its own escalations.
    discovers: () => {
      const me = profiles.current();
      return me !== null && isSenior(me.role);
    },
    pollIntervalMs: options.teamPollMs,
  });
  const kinds = createJobKinds(
    [
      bell.kind,
      ...webhooks.kinds,
      microsoft.emailKind,
      handoffPackageKind({ db, clock, events }),
      handoffSearchIndexKind({ db }),
      ...team.kinds,
      aiReplyKind({ db, clock, events, views, workspace, provider: () => ai.current() }),
      enrichHandoffKind({ db, clock, events, provider: () => ai.current(), timeoutMs: options.aiTimeoutMs }),
      psaPostKind({
        db,
        clock,
        events,
        client: () => connectwise.client(),
        statusFor: (kind) => connectwise.statusMapping()[kind === 'resolve' ? 'resolved' : 'escalated'],
        notifyContact: () => connectwise.notifyContact(),
        // Bound late: notePosting is built once the outbox below exists; jobs run only after that.
        applyLocally: (...args) => notePosting.applyLocally(...args),
        tellFailure: bell.tell,
      }),
      ...(options.diagnosticEchoUrl ? [diagnosticEchoKind(options.diagnosticEchoUrl)] : []),
      ...(options.jobKinds ?? []),
    ].map((kind) => ({
      ...kind,
      // A job may store text (a reply, a team message): it runs once the store can seal.
      run: async (payload: unknown, ctx: Parameters<typeof kind.run>[1]) => {
        await whenStoreReady();
        return kind.run(payload, ctx);
      },
    })),
  );

  const announceReplyState = (messageId: string) => {
    const view = views.one(messageId);
    if (view) events.emit('message_updated', view);
  };
  const worker = createJobWorker({
    db,
    clock,
    kinds,
    http,
    connectivity,
    ...options.worker,
    // Called only once the worker runs, after `queue` below exists.
    onJobChanged: (job) => {
      queue.jobChanged(job);
      jobWaiters.jobChanged(job);
      activity.changed();
      if (job.kind === AI_REPLY)
        announceReplyState((JSON.parse(job.payload) as { messageId: string }).messageId);
    },
    log,
  });
  const queue = createQueueService({ db, clock, kinds, connectivity, events, wake: () => worker.wake() });
  // "Waiting for connection" and "sending" follow the connection: re-announce replies still pending.
  connectivity.onChange(() => {
    for (const payload of unfinishedJobPayloads(db, AI_REPLY))
      announceReplyState((JSON.parse(payload) as { messageId: string }).messageId);
  });

  let closing: Promise<void> | null = null;
  /** Enqueue inside the caller's transaction; the worker is woken once the transaction is over. */
  const enqueue = (request: EnqueueRequest) => {
    const job = enqueueJob(db, kinds, request, clock.now());
    setImmediate(() => {
      if (closing) return;
      queue.jobEnqueued(job.id);
      worker.wake();
    });
    return job;
  };
  const replies = createReplyRequests({
    db,
    now: () => clock.now(),
    views,
    enqueue,
    assistantAvailable: ai.isConfigured,
    requeued: (jobId) => {
      queue.jobEnqueued(jobId);
      worker.wake();
    },
  });
  const profiles = createProfileService(db, clock, managed);
  const sessions = createSessionService(db, clock, events, views, {
    assistantAvailable: ai.isConfigured,
    pendingPost: (sessionId) => notePosting.pending(sessionId, (jobId) => getJob(db, jobId)),
    onNoteAdded: (message) => {
      replies.requestFor(message);
      team.messageAdded(message, enqueue);
      if (kinds.has(DIAGNOSTIC_ECHO)) {
        enqueue({
          kind: DIAGNOSTIC_ECHO,
          payload: { messageId: message.id, text: message.body },
          idempotencyKey: `echo:${message.id}`,
          sessionId: message.sessionId,
        });
      }
    },
  });

  const announceChannels: AnnounceChannels = {
    webhookConfigured: webhooks.isConfigured,
    emailConnected: () => microsoft.account.isConnected(),
    emailSkippedReason: () => microsoft.account.notConnectedReason(),
  };
  const handoffs = createHandoffService({
    db,
    clock,
    events,
    enqueue,
    channels: announceChannels,
    team: { claim: (actor, row) => team.claim(actor, row) },
    tell: bell.tell,
  });
  const handoffSettings = createHandoffSettings({ db, clock, managed });
  const noteDrafts = createNoteDrafts({
    db,
    clock,
    provider: () => ai.current(),
    timeoutMs: options.aiTimeoutMs,
  });
  const notePosting = createNotePosting({
    db,
    clock,
    events,
    enqueue,
    isOnline: () => connectivity.canSend(),
    waitForJob: (jobId, timeoutMs) => jobWaiters.wait(jobId, timeoutMs),
    retryJob: (actor, jobId) => void queue.retry(actor, jobId),
    escalate: (actor, input, opts) => handoffs.create(actor, input, opts),
    postWaitMs: options.postWaitMs,
  });
  const ticketLinks = createTicketLinks({ db, clock, events, client: () => connectwise.client() });
  const fixes = createFixService({ db, clock, events });
  const storeWatch = createStoreWatch({ db, events });
  const overdueWatch = createOverdueWatch({ db, clock, events, enqueue, channels: announceChannels, log });

  const services = {
    profiles,
    sessions,
    workspace,
    handoffs,
    handoffSettings,
    appearance: createAppearance({ db, clock, events }),
    overdueWatch,
    storeWatch,
    noteDrafts,
    notePosting,
    connectwise,
    memberMapping: createMemberMapping({ db, clock, client: () => connectwise.client(), managed }),
    ticketLinks,
    microsoft: microsoft.account,
    team,
    teamSettings: createTeamSettings({ db, clock, managed }),
    emailRecipients: createEmailRecipients({ db, clock, managed }),
    fixes,
    insights: createInsights({ db, clock }),
    webhooks,
    bell,
    desktop: createDesktopSettings({ db, clock, applies: options.host === 'electron', managed }),
    managed: createManagedService({ db, managed, currentUserId: () => profiles.current()?.id ?? null }),
    updates,
    activity,
    ai,
    replies,
    queue,
    connectivity,
    worker,
    vault: options.vault,
  };
  const info: AppInfo = {
    version: options.version,
    host: options.host,
    dataDir: options.dataDir,
    schemaVersion: store.schemaVersion,
  };
  const dispatchUntracked = createDispatcher(createHandlers(db, services, info), log, {
    before: whenStoreReady,
    input: redactStoredText,
    currentUser: () => profiles.current(),
  });
  // A restart to update waits for the calls a restart would cut short (desktop/activity.ts).
  const dispatch: Dispatch = (channel, input) => activity.track(channel, dispatchUntracked(channel, input));

  if (options.startWorker !== false) {
    worker.start();
    overdueWatch.start();
    storeWatch.start();
    if (options.teamPoll !== false) team.start();
  }

  return {
    db,
    sqlite: store.sqlite,
    events,
    dispatch,
    enqueue,
    /** Every job kind this core runs (the outbound-path test checks each against the redaction gate). */
    jobKinds: [...kinds.keys()],
    /** Resolves once the keychain key is read and an older store's secrets are sealed. */
    storeReady: whenStoreReady,
    services,
    /** Clean shutdown: stop the worker (aborting in-flight work), then fold the WAL back and close. */
    close(): Promise<void> {
      closing ??= (async () => {
        overdueWatch.stop();
        storeWatch.stop();
        team.stop();
        notePosting.close();
        jobWaiters.dispose();
        await worker.stop();
        queue.dispose();
        stopCheckpointer();
        store.close();
      })();
      return closing;
    },
  };
}

export type CoreServices = Core['services'];
