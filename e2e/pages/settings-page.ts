import type { Page } from '@playwright/test';

export type AiProviderLabel = 'None' | 'Anthropic' | 'OpenAI-compatible';

export interface AiFormValues {
  provider?: AiProviderLabel;
  baseUrl?: string;
  model?: string;
  /** Typed into the API key field (after "Replace" when a key is stored). */
  apiKey?: string;
}

/** The Settings view: the Settings nav item and, for now, its "AI assistant" section. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  navItem = () =>
    this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' });
  heading = () => this.page.getByRole('heading', { name: 'Settings', level: 1 });
  /** Shown instead of Save / Test connection to anyone but an owner or admin; every field is disabled. */
  readOnlyNote = () =>
    this.page.getByRole('note').filter({ hasText: 'Only an owner or admin can change settings.' });

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

  // ---- actions ----
  open = () => this.navItem().click();
  chooseProvider = (label: AiProviderLabel) => this.provider(label).check();
  save = () => this.saveButton().click();
  testConnection = () => this.testButton().click();

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
