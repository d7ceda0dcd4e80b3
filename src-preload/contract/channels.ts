// The channel table: every channel, its input schema and its output type. One table, not one per
// domain: CHANNELS, Channel, InputOf and OutputOf are read off it, so the dispatcher, the preload, the
// browser-host bridge and the fuzz test each cover every channel there is.
import { z } from 'zod';
import type { AiSettings, AiTestResult } from './ai-settings';
import { AiSettingsInput } from './ai-settings';
import type { AppInfo, AppearanceSettings, DesktopSettings, UpdateStatus } from './app';
import { AppearanceInput, DesktopSettingsInput } from './app';
import type {
  ConnectWiseBoardOption,
  ConnectWisePeopleView,
  ConnectWiseSettingsView,
  ConnectWiseStatusOption,
  ConnectWiseTestResult,
} from './connectwise-settings';
import {
  ConnectWiseBoardInput,
  ConnectWiseConnectionInput,
  ConnectWiseMemberMapInput,
  ConnectWiseStatusMappingInput,
} from './connectwise-settings';
import type {
  EmailRecipientSettings,
  HandoffSettings,
  TeamSettings,
  WebhookSettings,
} from './escalation-settings';
import {
  EmailRecipientsInput,
  HandoffSettingsInput,
  TeamSettingsInput,
  WebhookSettingsInput,
  WebhookTestInput,
} from './escalation-settings';
import type { SuggestedFix } from './fixes';
import { FixDecisionInput, FixOutcomeInput } from './fixes';
import type {
  BellNotification,
  Handoff,
  HandoffConfirmation,
  HandoffPage,
  MyHandoff,
  TeamPollResult,
} from './handoffs';
import { HandoffCreateInput, HandoffIdInput, HandoffsListInput, MarkReadInput } from './handoffs';
import type { AssessmentToCheck, InsightsReport } from './insights';
import { InsightsInput } from './insights';
import type { ManagedSettingsView, ManagedStatus, PeopleView } from './managed';
import type { MicrosoftSettings } from './microsoft-settings';
import { MicrosoftSettingsInput } from './microsoft-settings';
import type { NoteCheck, NotePostOutcome, NotePreview, PsaTicketView } from './notes';
import { LinkTicketInput, NoteCheckInput, NotePostInput, NotePreviewInput } from './notes';
import type { Fact, Hypothesis, Step } from './panel';
import {
  EntityIdInput,
  FactAddInput,
  FactUpdateInput,
  HypothesisAddInput,
  HypothesisUpdateInput,
  StepAddInput,
  StepUpdateInput,
} from './panel';
import type { User } from './people';
import { ProfileCreateInput, ProfileFirstInput, ProfileSwitchInput } from './people';
import type { JobView, QueueStatus } from './queue';
import { JobIdInput, QueueListInput, WorkOfflineInput } from './queue';
import type { SessionDetail } from './session-detail';
import type { Message, RevealedMessage, SearchHit, SessionSummary } from './sessions';
import {
  MessageIdInput,
  MessagesAddInput,
  RequestEscalationInput,
  SessionIdInput,
  SessionRenameInput,
  SessionsCreateInput,
  SessionsListInput,
  SessionsSearchInput,
} from './sessions';
import type { StartupStatus } from './startup';
import { StartupRecoverInput } from './startup';

export const NoInput = z.undefined().or(z.object({}).strict()).optional();

interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}
const channel =
  <O>() =>
  <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input });

export const contract = {
  'app:info': channel<AppInfo>()(NoInput),
  'app:update-status': channel<UpdateStatus>()(NoInput),
  /** Installs the downloaded update and restarts, once no post, claim or AI reply is in flight. */
  'app:restart-to-update': channel<UpdateStatus>()(NoInput),
  'settings:desktop-get': channel<DesktopSettings>()(NoInput),
  'settings:desktop-save': channel<DesktopSettings>()(DesktopSettingsInput),
  /** Whether Baton's data is open, or what start-up found wrong with it (answered before the core opens). */
  'startup:status': channel<StartupStatus>()(NoInput),
  /** Restore a backup, start fresh (moving the damaged file aside) or check the file again. */
  'startup:recover': channel<StartupStatus>()(StartupRecoverInput),
  'profile:current': channel<User | null>()(NoInput),
  /** Whether a managed team roster decides roles here (the first-run screen asks before any profile). */
  'managed:status': channel<ManagedStatus>()(NoInput),
  'settings:managed-get': channel<ManagedSettingsView>()(NoInput),
  'settings:people-get': channel<PeopleView>()(NoInput),
  /** First run: the first profile on this computer, its owner (with a roster: the roster's role). */
  'profile:create': channel<User>()(ProfileFirstInput),
  'profile:add': channel<User>()(ProfileCreateInput),
  'profile:switch': channel<User>()(ProfileSwitchInput),
  'users:list': channel<User[]>()(NoInput),
  'handoffs:create': channel<HandoffConfirmation>()(HandoffCreateInput),
  'handoffs:list': channel<HandoffPage>()(HandoffsListInput),
  /** What I escalated or parked (newest first), and where each stands. */
  'handoffs:mine': channel<MyHandoff[]>()(NoInput),
  'handoffs:get': channel<Handoff>()(HandoffIdInput),
  'handoffs:claim': channel<Handoff>()(HandoffIdInput),
  /** Polls ConnectWise for team escalations now (otherwise every Settings → Team interval). */
  'handoffs:refresh': channel<TeamPollResult>()(NoInput),
  /** The parker picks their parked session up again (closes the park handoff; not a claim). */
  'handoffs:resume': channel<SessionSummary>()(SessionIdInput),
  'sessions:list': channel<SessionSummary[]>()(SessionsListInput),
  'sessions:create': channel<SessionDetail>()(SessionsCreateInput),
  'sessions:get': channel<SessionDetail>()(SessionIdInput),
  'messages:add': channel<Message>()(MessagesAddInput),
  'messages:retry-reply': channel<Message>()(MessageIdInput),
  /** The author's own message with its withheld secrets filled back in (FORBIDDEN for anyone else). */
  'messages:reveal': channel<RevealedMessage>()(MessageIdInput),
  'sessions:search': channel<SearchHit[]>()(SessionsSearchInput),
  'sessions:request-escalation': channel<SessionDetail>()(RequestEscalationInput),
  /** The technician's own title for the session (the problem statement stays). */
  'sessions:rename': channel<SessionSummary>()(SessionRenameInput),
  'steps:add': channel<Step>()(StepAddInput),
  'steps:update': channel<Step>()(StepUpdateInput),
  'steps:remove': channel<null>()(EntityIdInput),
  'facts:add': channel<Fact>()(FactAddInput),
  'facts:update': channel<Fact>()(FactUpdateInput),
  'facts:remove': channel<null>()(EntityIdInput),
  'hypotheses:add': channel<Hypothesis>()(HypothesisAddInput),
  'hypotheses:update': channel<Hypothesis>()(HypothesisUpdateInput),
  'hypotheses:remove': channel<null>()(EntityIdInput),
  'settings:ai-get': channel<AiSettings>()(NoInput),
  'settings:ai-save': channel<AiSettings>()(AiSettingsInput),
  'settings:ai-test': channel<AiTestResult>()(AiSettingsInput),
  'notifications:list': channel<{ items: BellNotification[]; unread: number }>()(NoInput),
  'notifications:mark-read': channel<{ unread: number }>()(MarkReadInput),
  'settings:webhooks-get': channel<WebhookSettings>()(NoInput),
  'settings:webhooks-save': channel<WebhookSettings>()(WebhookSettingsInput),
  'settings:webhooks-test': channel<AiTestResult>()(WebhookTestInput),
  'fixes:decide': channel<SuggestedFix>()(FixDecisionInput),
  'fixes:outcome': channel<SuggestedFix>()(FixOutcomeInput),
  'notes:preview': channel<NotePreview>()(NotePreviewInput),
  'notes:post': channel<NotePostOutcome>()(NotePostInput),
  /** What notes:post would post for this text: typed secrets become placeholders (nothing is stored). */
  'notes:check': channel<NoteCheck>()(NoteCheckInput),
  /** Posts again a note that failed for good (never a second copy: its reference line is looked up). */
  'notes:retry-post': channel<NotePostOutcome>()(SessionIdInput),
  /** Links the session to a ConnectWise ticket (looked up first) or, with ticketId null, unlinks it. */
  'sessions:link-ticket': channel<PsaTicketView | null>()(LinkTicketInput),
  /** The linked ticket as ConnectWise shows it now (summary, board, status, owner). */
  'sessions:ticket': channel<PsaTicketView | null>()(SessionIdInput),
  'settings:connectwise-get': channel<ConnectWiseSettingsView>()(NoInput),
  'settings:connectwise-save': channel<ConnectWiseSettingsView>()(ConnectWiseConnectionInput),
  /** Tests the typed values (stored keys where none are typed). */
  'settings:connectwise-test': channel<ConnectWiseTestResult>()(ConnectWiseConnectionInput),
  'settings:connectwise-boards': channel<ConnectWiseBoardOption[]>()(NoInput),
  /** A board's statuses, loaded live for the dropdowns (closed ones flagged). */
  'settings:connectwise-statuses': channel<ConnectWiseStatusOption[]>()(ConnectWiseBoardInput),
  'settings:connectwise-save-mapping': channel<ConnectWiseSettingsView>()(ConnectWiseStatusMappingInput),
  'settings:connectwise-people': channel<ConnectWisePeopleView>()(NoInput),
  'settings:connectwise-map-member': channel<ConnectWisePeopleView>()(ConnectWiseMemberMapInput),
  'settings:microsoft-get': channel<MicrosoftSettings>()(NoInput),
  'settings:microsoft-save': channel<MicrosoftSettings>()(MicrosoftSettingsInput),
  /** Opens the Microsoft sign-in page (in the system browser) and waits until it finishes (up to 5 min). */
  'settings:microsoft-sign-in': channel<MicrosoftSettings>()(NoInput),
  'settings:microsoft-sign-out': channel<MicrosoftSettings>()(NoInput),
  'settings:email-recipients-get': channel<EmailRecipientSettings>()(NoInput),
  'settings:email-recipients-save': channel<EmailRecipientSettings>()(EmailRecipientsInput),
  'settings:team-get': channel<TeamSettings>()(NoInput),
  'settings:team-save': channel<TeamSettings>()(TeamSettingsInput),
  'settings:handoffs-get': channel<HandoffSettings>()(NoInput),
  'settings:handoffs-save': channel<HandoffSettings>()(HandoffSettingsInput),
  'settings:appearance-get': channel<AppearanceSettings>()(NoInput),
  'settings:appearance-save': channel<AppearanceSettings>()(AppearanceInput),
  'queue:status': channel<QueueStatus>()(NoInput),
  'queue:list': channel<JobView[]>()(QueueListInput),
  'queue:retry': channel<JobView>()(JobIdInput),
  'queue:discard': channel<null>()(JobIdInput),
  'connection:set-work-offline': channel<QueueStatus>()(WorkOfflineInput),
  /** Every Insights figure for a date range and filters (seniors and admins: the team; others: their own). */
  'insights:report': channel<InsightsReport>()(InsightsInput),
  /** The assessment the resolve dialog asks about (null: the session has no assessed escalation). */
  'assessments:latest': channel<AssessmentToCheck | null>()(SessionIdInput),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer O> ? O : never;
export const CHANNELS = Object.keys(contract) as Channel[];
