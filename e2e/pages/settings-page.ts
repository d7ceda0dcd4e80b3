import type { Page } from '@playwright/test';

export type AiProviderLabel = 'None' | 'Anthropic' | 'OpenAI-compatible';

export interface AiFormValues {
  provider?: AiProviderLabel;
  baseUrl?: string;
  model?: string;
  /** Typed into the API key field (after "Replace" when a key is stored). */
  apiKey?: string;
}

export type WebhookChannelLabel = 'Microsoft Teams' | 'Slack';

/** The Settings view: the Settings nav item, its "AI assistant" and "Notifications" sections. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  navItem = () =>
    this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' });
  heading = () => this.page.getByRole('heading', { name: 'Settings', level: 1 });
  /** Shown instead of Save / Test connection to anyone but an owner or admin; every field is disabled. */
  readOnlyNote = () =>
    this.page.getByRole('note').filter({ hasText: 'Only an owner or admin can change settings.' }).first();

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
  notificationsReadOnlyNote = () =>
    this.notificationsSection()
      .getByRole('note')
      .filter({ hasText: 'Only an owner or admin can change settings.' });
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

  // ---- actions ----
  open = () => this.navItem().click();
  chooseProvider = (label: AiProviderLabel) => this.provider(label).check();
  save = () => this.saveButton().click();
  testConnection = () => this.testButton().click();
  saveNotifications = () => this.notificationsSaveButton().click();
  sendTest = (channel: WebhookChannelLabel) => this.sendTestButton(channel).click();

  /** Types a webhook URL for the channel, pressing "Replace" first when one is stored. */
  async fillWebhook(channel: WebhookChannelLabel, url: string) {
    if (await this.replaceWebhookButton(channel).isVisible())
      await this.replaceWebhookButton(channel).click();
    await this.webhookUrl(channel).fill(url);
  }

  /** Fills what is given; an API key replaces a stored one. */
  async fillAi(values: AiFormValues) {
    if (values.provider) await this.chooseProvider(values.provider);
    if (values.baseUrl !== undefined) await this.baseUrl().fill(values.baseUrl);
    if (values.model !== undefined) await this.model().fill(values.model);
    if (values.apiKey !== undefined) {
      if (await this.replaceKeyButton().isVisible()) await this.replaceKeyButton().click();
      await this.apiKey().fill(values.apiKey);
    }
  }
}
