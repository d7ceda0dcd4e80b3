import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export type AiProviderLabel = 'None' | 'Anthropic' | 'OpenAI-compatible';

export interface AiFormValues {
  provider?: AiProviderLabel;
  baseUrl?: string;
  model?: string;
  /** Typed into the API key field (after "Replace" when a key is stored). */
  apiKey?: string;
}

export type WebhookChannelLabel = 'Microsoft Teams' | 'Slack';

export interface ConnectWiseFormValues {
  site?: string;
  companyId?: string;
  /** Empty: looked up from the site. */
  codebase?: string;
  clientId?: string;
  /** Typed into the key field (after "Replace" when a key is stored). */
  publicKey?: string;
  privateKey?: string;
}

export type ConnectWiseKey = 'Public key' | 'Private key';
export type MappedStatusLabel = 'Resolved' | 'Escalated' | 'Claimed';

/**
 * The Settings view: the Settings nav item and its sections, "AI assistant", "ConnectWise",
 * "Microsoft 365", "Notifications" and "Escalations".
 */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  navItem = () =>
    this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' });
  heading = () => this.page.getByRole('heading', { name: 'Settings', level: 1 });
  /** One note at the top for anyone but an owner or admin (every field below is disabled, and no
   * section shows Save / Test connection), with a link to Appearance, which is theirs to change. */
  readOnlyNote = () =>
    this.page.getByRole('note').filter({ hasText: /^Only an owner or admin can change the team/ });
  /** The section list: links that scroll to each section (aria-current on the one being read). */
  sectionNav = () => this.page.getByRole('navigation', { name: 'Settings sections' });
  sectionLink = (title: string) => this.sectionNav().getByRole('link', { name: title, exact: true });

  // ---- Appearance (anyone) ----
  appearanceSection = () => this.page.getByRole('region', { name: 'Appearance' });
  theme = (label: 'System' | 'Light' | 'Dark') =>
    this.appearanceSection().getByRole('radio', { name: label, exact: true });

  // ---- AI assistant ----
  aiSection = () => this.page.getByRole('region', { name: 'AI assistant' });
  /** The provider radios: "None — offline drafts only", "Anthropic", "OpenAI-compatible (…)". */
  provider = (label: AiProviderLabel) =>
    this.aiSection().getByRole('radio', { name: new RegExp(`^${label}`) });
  /** Base URL, model and key are shown only for a provider other than None. */
  baseUrl = () => this.aiSection().getByRole('textbox', { name: 'Base URL' });
  /** A text input with suggestions (a datalist), so its role is combobox. */
  model = () => this.aiSection().getByRole('combobox', { name: 'Model' });
  /** The password input; absent while a stored key is kept or marked for removal. */
  apiKey = () => this.aiSection().locator('input[type="password"]');
  storedKeyNote = () => this.aiSection().getByText('A key is stored in the system keychain');
  keyRemovalNote = () => this.aiSection().getByText('The stored key will be removed when you save.');
  replaceKeyButton = () => this.aiSection().getByRole('button', { name: 'Replace' });
  removeKeyButton = () => this.aiSection().getByRole('button', { name: 'Remove key' });
  undoRemoveKeyButton = () => this.aiSection().getByRole('button', { name: 'Undo' });
  keepStoredKeyButton = () => this.aiSection().getByRole('button', { name: 'Keep the stored key' });
  /** Disabled until something changed. */
  saveButton = () => this.aiSection().getByRole('button', { name: 'Save' });
  testButton = () => this.aiSection().getByRole('button', { name: 'Test connection' });
  /** role="status": "Testing the connection…", "Connected to <model> in 240 ms", or the error. */
  testResult = () => this.aiSection().locator('.test-result');
  /** A field's VALIDATION message (role="alert" next to the field). */
  fieldError = (text: string | RegExp) => this.aiSection().getByRole('alert').filter({ hasText: text });

  // ---- Notifications (Teams / Slack webhooks) ----
  notificationsSection = () => this.page.getByRole('region', { name: 'Notifications', exact: true });
  /** One channel's block (a group named "Microsoft Teams" or "Slack"). */
  webhookChannel = (channel: WebhookChannelLabel) =>
    this.notificationsSection().getByRole('group', { name: channel, exact: true });
  /** Password inputs; shown while no webhook is stored, or after "Replace". */
  teamsWebhookUrl = () => this.notificationsSection().getByLabel('Microsoft Teams webhook URL');
  slackWebhookUrl = () => this.notificationsSection().getByLabel('Slack webhook URL');
  webhookUrl = (channel: WebhookChannelLabel) =>
    channel === 'Slack' ? this.slackWebhookUrl() : this.teamsWebhookUrl();
  /** "A webhook is stored in the system keychain" (the URL itself is never shown). */
  webhookStoredNote = (channel: WebhookChannelLabel) =>
    this.webhookChannel(channel).getByText('A webhook is stored in the system keychain');
  webhookRemovalNote = (channel: WebhookChannelLabel) =>
    this.webhookChannel(channel).getByText('The stored webhook will be removed when you save.');
  replaceWebhookButton = (channel: WebhookChannelLabel) =>
    this.webhookChannel(channel).getByRole('button', { name: 'Replace' });
  /** Marks the stored webhook for removal; it is removed on Save. */
  removeWebhookButton = (channel: WebhookChannelLabel) =>
    this.webhookChannel(channel).getByRole('button', { name: 'Remove' });
  undoRemoveWebhookButton = (channel: WebhookChannelLabel) =>
    this.webhookChannel(channel).getByRole('button', { name: 'Undo' });
  keepStoredWebhookButton = (channel: WebhookChannelLabel) =>
    this.webhookChannel(channel).getByRole('button', { name: 'Keep the stored webhook' });
  /** Only for a stored webhook, and only for an owner or admin. "Sending…" while in flight. */
  sendTestButton = (channel: WebhookChannelLabel) =>
    this.webhookChannel(channel).getByRole('button', { name: /^(Send test|Sending…)$/ });
  /** role="status": "Sending a test message…", the success message, or the error. */
  webhookTestResult = (channel: WebhookChannelLabel) => this.webhookChannel(channel).getByRole('status');
  /** Sends only what changed; disabled until something did. */
  notificationsSaveButton = () => this.notificationsSection().getByRole('button', { name: 'Save' });
  /** A channel's VALIDATION message (role="alert" next to its field). */
  webhookFieldError = (channel: WebhookChannelLabel) => this.webhookChannel(channel).getByRole('alert');

  // ---- Escalations (ticket prefix, expert contact, overdue thresholds) ----
  escalationsSection = () => this.page.getByRole('region', { name: 'Escalations', exact: true });
  ticketPrefix = () => this.escalationsSection().getByLabel('Support ticket prefix');
  /** Name, Email, Phone, Hours, Emergency line. */
  expertField = (label: 'Name' | 'Email' | 'Phone' | 'Hours' | 'Emergency line') =>
    this.escalationsSection()
      .getByRole('group', { name: 'Expert contact' })
      .getByLabel(label, { exact: true });
  overdueMinutes = (priority: 'Urgent' | 'High' | 'Medium' | 'Low') =>
    this.escalationsSection().getByLabel(`${priority} (minutes)`);
  escalationsFieldError = (text: string | RegExp) =>
    this.escalationsSection().getByRole('alert').filter({ hasText: text });
  escalationsSaveButton = () => this.escalationsSection().getByRole('button', { name: 'Save' });

  // ---- ConnectWise (connection, then the status mapping read live from the board) ----
  connectWiseSection = () => this.page.getByRole('region', { name: 'ConnectWise', exact: true });
  private cwConnection = () =>
    this.connectWiseSection().getByRole('form', { name: 'ConnectWise connection' });
  cwSite = () => this.cwConnection().getByLabel('Site', { exact: true });
  cwCompanyId = () => this.cwConnection().getByLabel('Company ID');
  /** Optional: looked up from the site when empty. */
  cwCodebase = () => this.cwConnection().getByLabel('Codebase (optional)');
  cwClientId = () => this.cwConnection().getByLabel('Client ID');
  /** The password input; absent while a stored key is kept or the pair is marked for removal. */
  cwKeyInput = (key: ConnectWiseKey) =>
    this.cwConnection()
      .locator('input[type="password"]')
      .and(this.page.getByLabel(key, { exact: true }));
  /** The "stored" box of one key (a group named after the key). */
  cwStoredKey = (key: ConnectWiseKey) => this.cwConnection().getByRole('group', { name: key, exact: true });
  /** "A public key is stored in the system keychain" (the key itself is never shown). */
  cwKeyStoredNote = (key: ConnectWiseKey) =>
    this.cwStoredKey(key).getByText(`A ${key.toLowerCase()} is stored in the system keychain`);
  cwReplaceKeyButton = (key: ConnectWiseKey) =>
    this.cwStoredKey(key).getByRole('button', { name: 'Replace' });
  /** Marks both keys for removal (main removes the pair together); removed on Save. */
  cwRemoveKeysButton = () => this.cwConnection().getByRole('button', { name: 'Remove both keys' });
  /** "The stored public key will be removed when you save.", with Undo. */
  cwKeyRemovalNote = (key: ConnectWiseKey) =>
    this.cwStoredKey(key).getByText(`The stored ${key.toLowerCase()} will be removed when you save.`);
  cwUndoRemoveKeysButton = (key: ConnectWiseKey = 'Public key') =>
    this.cwStoredKey(key).getByRole('button', { name: 'Undo' });
  cwKeepStoredKeyButton = (key: ConnectWiseKey) =>
    this.cwConnection().getByRole('button', { name: `Keep the stored ${key.toLowerCase()}` });
  cwSaveButton = () => this.cwConnection().getByRole('button', { name: 'Save', exact: true });
  cwTestButton = () => this.cwConnection().getByRole('button', { name: /^(Test connection|Testing…)$/ });
  /** role="status": "Testing the connection…", "Connected to ConnectWise … in 12 ms", or the error. */
  cwTestResult = () => this.cwConnection().getByRole('status');
  cwFieldError = (text: string | RegExp) => this.cwConnection().getByRole('alert').filter({ hasText: text });

  /** "Statuses": disabled (a note) until the connection is saved; then loaded live from ConnectWise. */
  cwStatuses = () => this.connectWiseSection().getByRole('region', { name: 'Statuses' });
  cwStatusesPlaceholder = () =>
    this.cwStatuses().getByRole('note').filter({ hasText: 'Save the connection above first' });
  /** Options: "Choose a board…", then the active boards by name. */
  cwBoard = () => this.cwStatuses().getByLabel('Service board');
  /** Options: "Not set (status left alone)", then the board's active statuses ("Resolved (closed)"). */
  cwStatus = (label: MappedStatusLabel) => this.cwStatuses().getByLabel(label, { exact: true });
  /** A status dropdown's note: cleared by a board change, or saved but no longer on the board. */
  cwStatusNote = (label: MappedStatusLabel, text: string | RegExp) =>
    this.cwStatuses()
      .locator('.field')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .getByText(text);
  /** A field's VALIDATION message from main (e.g. a status that is not on the board any more). */
  cwStatusError = (text: string | RegExp) => this.cwStatuses().getByRole('alert').filter({ hasText: text });
  /** A live read that failed ("Offline. …" or "Could not load …"), with its Try again button. */
  cwLoadFailure = () => this.cwStatuses().locator('.live-failure');
  cwTryAgainButton = () => this.cwLoadFailure().first().getByRole('button', { name: 'Try again' });
  cwSaveStatusesButton = () => this.cwStatuses().getByRole('button', { name: 'Save statuses' });
  cwNotifyContact = () =>
    this.cwStatuses().getByRole('checkbox', { name: /email the ticket's contact when a resolution note/ });

  /** "People": each person beside the ConnectWise member they claim as (loaded live). */
  cwPeople = () => this.connectWiseSection().getByRole('region', { name: 'People' });
  /** A person's member dropdown (first option: the email match, or "No member with this email"). */
  cwMemberOf = (name: string) => this.cwPeople().getByLabel(`ConnectWise member for ${name}`);
  cwPersonRow = (name: string) => this.cwPeople().getByRole('row').filter({ hasText: name });

  // ---- Microsoft 365 (escalation email) ----
  microsoftSection = () => this.page.getByRole('region', { name: 'Microsoft 365', exact: true });
  msClientId = () => this.microsoftSection().getByLabel('Application (client) ID');
  msAuthority = () => this.microsoftSection().getByLabel('Sign-in authority');
  msGraphBaseUrl = () => this.microsoftSection().getByLabel('Graph address');
  msSaveButton = () => this.microsoftSection().getByRole('button', { name: 'Save', exact: true });
  /**
   * role="status": "Signed in as {name} ({username}) since …", the reason it is not connected, or
   * "Waiting for you to finish signing in in the browser…".
   */
  msAccountStatus = () => this.microsoftSection().locator('.account-status');
  /** "Sign in…" ("Sign in again…" once someone signed in; "Signing in…" while it waits). */
  msSignInButton = () =>
    this.microsoftSection().getByRole('button', { name: /^(Sign in…|Sign in again…|Signing in…)$/ });
  /** Why the last sign-in or sign-out failed (declined, timed out, unreachable). */
  msSignInError = () => this.microsoftSection().locator('.account-panel').getByRole('alert');
  msSignOutButton = () => this.microsoftSection().getByRole('button', { name: 'Sign out' });
  msFieldError = (text: string | RegExp) =>
    this.microsoftSection().getByRole('alert').filter({ hasText: text });

  // ---- Email recipients ----
  recipientsSection = () => this.page.getByRole('region', { name: 'Email recipients', exact: true });
  recipientsEveryone = () =>
    this.recipientsSection().getByRole('radio', { name: 'Every active owner, admin and engineer' });
  recipientsChosen = () =>
    this.recipientsSection().getByRole('radio', { name: 'Only the people chosen here' });
  recipientPerson = (name: string | RegExp) =>
    this.recipientsSection().getByRole('group', { name: 'People' }).getByRole('checkbox', { name });
  recipientsExtra = () => this.recipientsSection().getByLabel('Also send to (other addresses)');
  /** "If you escalated now, the email would go to …", computed from the form as it is. */
  recipientsExample = () => this.recipientsSection().getByRole('status');
  recipientsError = (text: string | RegExp) =>
    this.recipientsSection().getByRole('alert').filter({ hasText: text });
  recipientsSaveButton = () => this.recipientsSection().getByRole('button', { name: 'Save' });

  // ---- Team escalations (poll interval, boards) ----
  teamSection = () => this.page.getByRole('region', { name: 'Team escalations', exact: true });
  teamPollSeconds = () => this.teamSection().getByLabel('Check ConnectWise every (seconds)');
  teamBoard = (name: string) => this.teamSection().getByRole('checkbox', { name });
  teamSaveButton = () => this.teamSection().getByRole('button', { name: 'Save' });

  // ---- actions ----
  open = () => this.navItem().click();

  /** Asked when leaving Settings with a section changed and not saved. */
  leaveQuestion = () => this.page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
  keepEditing = () => this.leaveQuestion().getByRole('button', { name: 'Keep editing' }).click();
  discardChanges = () => this.leaveQuestion().getByRole('button', { name: 'Discard changes' }).click();
  chooseProvider = (label: AiProviderLabel) => this.provider(label).check();
  save = () => this.saveButton().click();
  testConnection = () => this.testButton().click();
  saveNotifications = () => this.notificationsSaveButton().click();
  sendTest = (channel: WebhookChannelLabel) => this.sendTestButton(channel).click();

  /** Types a webhook URL for the channel, pressing "Replace" first when one is stored. */
  async fillWebhook(channel: WebhookChannelLabel, url: string) {
    // The form first (a stored URL shows Replace instead of the field), then the choice.
    await expect(this.webhookUrl(channel).or(this.replaceWebhookButton(channel)).first()).toBeVisible();
    if (await this.replaceWebhookButton(channel).isVisible())
      await this.replaceWebhookButton(channel).click();
    await this.webhookUrl(channel).fill(url);
  }

  /** Fills what is given; a key replaces a stored one. */
  async fillConnectWise(values: ConnectWiseFormValues) {
    if (values.site !== undefined) await this.cwSite().fill(values.site);
    if (values.companyId !== undefined) await this.cwCompanyId().fill(values.companyId);
    if (values.codebase !== undefined) await this.cwCodebase().fill(values.codebase);
    if (values.clientId !== undefined) await this.cwClientId().fill(values.clientId);
    for (const [key, value] of [
      ['Public key', values.publicKey],
      ['Private key', values.privateKey],
    ] as const) {
      if (value === undefined) continue;
      await expect(this.cwKeyInput(key).or(this.cwReplaceKeyButton(key)).first()).toBeVisible();
      if (await this.cwReplaceKeyButton(key).isVisible()) await this.cwReplaceKeyButton(key).click();
      await this.cwKeyInput(key).fill(value);
    }
  }

  /** Picks the board, then each status by its option label ("Resolved (closed)", "Not set (status left alone)"). */
  async mapStatuses(board: string, statuses: Partial<Record<MappedStatusLabel, string>>) {
    await this.cwBoard().selectOption({ label: board });
    for (const [label, option] of Object.entries(statuses) as [MappedStatusLabel, string][]) {
      await this.cwStatus(label).selectOption({ label: option });
    }
  }

  /** Connects ConnectWise, maps the statuses and sets the team poll: a machine ready for team escalations. */
  async connectConnectWise(
    connection: Required<
      Pick<ConnectWiseFormValues, 'site' | 'companyId' | 'clientId' | 'publicKey' | 'privateKey'>
    >,
    statuses: Partial<Record<MappedStatusLabel, string>>,
    pollSeconds?: number,
  ) {
    await this.open();
    await this.fillConnectWise(connection);
    await this.cwSaveButton().click();
    // Saving stores the keys in the keychain and looks the codebase up: give it time on a busy machine.
    await expect(this.cwSaveButton()).toBeDisabled({ timeout: 15_000 });
    await this.mapStatuses('Service Board', statuses);
    await this.cwSaveStatusesButton().click();
    await expect(this.cwSaveStatusesButton()).toBeDisabled({ timeout: 15_000 });
    if (pollSeconds !== undefined) {
      await this.teamPollSeconds().fill(String(pollSeconds));
      await this.teamSaveButton().click();
      await expect(this.teamSaveButton()).toBeDisabled();
    }
  }

  /** Fills what is given; an API key replaces a stored one. */
  async fillAi(values: AiFormValues) {
    if (values.provider) await this.chooseProvider(values.provider);
    if (values.baseUrl !== undefined) await this.baseUrl().fill(values.baseUrl);
    if (values.model !== undefined) await this.model().fill(values.model);
    if (values.apiKey !== undefined) {
      await expect(this.apiKey().or(this.replaceKeyButton()).first()).toBeVisible();
      if (await this.replaceKeyButton().isVisible()) await this.replaceKeyButton().click();
      await this.apiKey().fill(values.apiKey);
    }
  }
}
