import type { Page } from '@playwright/test';

type Text = string | RegExp;
export type HandoffIntentLabel = 'Escalate to a senior' | 'Park for later';
export type PriorityLabel = 'Low' | 'Medium' | 'High' | 'Urgent';

/**
 * Handoffs (DESIGN §3): the escalation form and its confirmation, the Handoffs queue (cards, claim,
 * the "Already claimed" toast, sort), the pick-up / briefing screen, and the profile menu used to
 * switch between local profiles on one workstation. Everything by role and accessible name.
 */
export class HandoffPage {
  constructor(private readonly page: Page) {}

  // ---- opening the form ----
  /** In the session header. */
  handOffButton = () => this.page.getByRole('button', { name: 'Hand off…' });
  /** The escalation banner's button (opens the form with the reason filled in). */
  bannerEscalateButton = () =>
    this.page.getByRole('region', { name: 'Escalation suggested' }).getByRole('button', {
      name: 'Escalate to a senior',
    });

  // ---- the form (a modal alertdialog) ----
  dialog = () =>
    this.page.getByRole('alertdialog', { name: /^(Hand off this session|(Escalated|Parked) — ticket)/ });
  formTitle = () => this.dialog().getByRole('heading', { name: 'Hand off this session' });
  intent = (label: HandoffIntentLabel) => this.dialog().getByRole('radio', { name: label });
  reason = () => this.dialog().getByRole('textbox', { name: /^Reason/ });
  priority = () => this.dialog().getByRole('combobox', { name: 'Priority' });
  /** "Anyone on the team" or "{name} ({role})"; only while the intent is escalate. */
  targetSenior = () => this.dialog().getByRole('combobox', { name: 'Senior' });
  notes = () => this.dialog().getByRole('textbox', { name: 'Notes for the senior' });
  private notesField = () =>
    this.dialog()
      .locator('.field')
      .filter({ has: this.page.getByRole('textbox', { name: 'Notes for the senior' }) });
  /** Under the notes: "4,213 / 5,000" near the limit, "… — 1 over the limit" past it. */
  notesCount = () => this.notesField().locator('.char-count');
  /** A refused paste ("This paste is …; the notes field holds up to 5,000 characters. …"). */
  notesPasteRefused = () => this.notesField().locator('.paste-refused');
  notesError = () => this.notesField().locator('.field-error');
  /** Asked when Escape or Cancel would throw away what was typed in the form. */
  discardQuestion = () => this.page.getByRole('alertdialog', { name: 'Discard this handoff?' });
  /** "Escalate" or "Park" (by intent); "Handing off…" while in flight. */
  submit = () => this.dialog().getByRole('button', { name: /^(Escalate|Park)$/ });
  cancel = () => this.dialog().getByRole('button', { name: 'Cancel' });
  /** A field's error (role="alert" next to the field), e.g. fieldError(reason()). */
  reasonError = () =>
    this.dialog().locator('.field.has-error').filter({ has: this.reason() }).locator('.field-error');
  /** Non-field errors (CONFLICT and others), e.g. "Session is already escalated". */
  formError = () => this.dialog().locator('.handoff-form-error');

  async fill(input: {
    intent?: HandoffIntentLabel;
    reason?: string;
    priority?: PriorityLabel;
    notes?: string;
    target?: string;
  }) {
    if (input.intent) await this.intent(input.intent).check();
    if (input.reason !== undefined) await this.reason().fill(input.reason);
    if (input.priority) await this.priority().selectOption({ label: input.priority });
    if (input.target) await this.targetSenior().selectOption({ label: input.target });
    if (input.notes !== undefined) await this.notes().fill(input.notes);
  }

  // ---- confirmation (the same dialog after a successful submit) ----
  /** "Escalated — ticket BTN-20261128-0001" or "Parked — ticket …". */
  confirmationTitle = () => this.dialog().getByRole('heading', { name: /^(Escalated|Parked) — ticket / });
  ticketNumber = () => this.confirmationTitle().locator('.ticket-number');
  expertContacts = () => this.dialog().getByRole('region', { name: 'Expert contacts' });
  /** A value in the expert contacts: Name, Email, Phone, Hours, Emergency line. */
  expertContact = (term: 'Name' | 'Email' | 'Phone' | 'Hours' | 'Emergency line') =>
    this.expertContacts()
      .locator('dt', { hasText: new RegExp(`^${term}$`) })
      .locator('xpath=following-sibling::dd[1]');
  /** One line per channel, as it stands: "Microsoft Teams — sent", "Slack — skipped: <reason>". */
  notifications = () => this.dialog().getByRole('list', { name: 'Notifications' });
  notificationLines = () => this.notifications().getByRole('listitem');
  closeConfirmation = () => this.dialog().getByRole('button', { name: 'Back to the session' });

  // ---- Handoffs queue ----
  views = () => this.page.getByRole('navigation', { name: 'Views' });
  /** Accessible name "Handoffs" or "Handoffs, 2 unread". */
  navItem = () => this.views().getByRole('button', { name: /^Handoffs\b/ });
  navBadge = () => this.navItem().locator('.nav-count');
  heading = () => this.page.getByRole('heading', { name: 'Handoffs', level: 1 });
  sortButton = (label: 'Newest' | 'Priority') =>
    this.page.getByRole('group', { name: 'Sort handoffs' }).getByRole('button', { name: label });
  list = () => this.page.getByRole('list', { name: 'Waiting handoffs' });
  /** Polls ConnectWise for team escalations now; a toast says what it found. */
  checkConnectWiseButton = () =>
    this.page.getByRole('button', { name: /^(Check ConnectWise now|Checking…)$/ });
  /** The cards in the DOM: the queue is virtualized, so only those in view (each says its place in the
   * whole queue with aria-posinset / aria-setsize). */
  cards = () => this.list().getByRole('listitem');
  /** A card by its session title. */
  card = (title: Text) => this.list().getByRole('listitem', { name: title });
  cardTitles = () => this.list().locator('.handoff-card-title');
  /** Opens the read-only detail (handoffs:get marks it read). */
  openButton = (title: Text) => this.card(title).locator('.handoff-open');
  claimButton = (title: Text) => this.card(title).getByRole('button', { name: /^Claim/ });
  unreadDot = (title: Text) => this.card(title).getByRole('img', { name: 'Unread' });
  /** "Urgent" / "High" / "Medium" / "Low" (with a hidden "Priority: " prefix). */
  priorityBadge = (title: Text) => this.card(title).locator('.priority-badge');
  /** "Escalated" or "Parked". */
  intentBadge = (title: Text) => this.card(title).locator('.intent-badge');
  /** "Assessment still computing…", "Assessment ready" or "Assessment unavailable". */
  assessmentState = (title: Text) => this.card(title).locator('.assessment-state');
  emptyState = () =>
    this.page.getByText('No handoffs waiting. When a technician escalates, it shows up here.');
  /** A sonner toast, e.g. toast(/^Already claimed by Sam Senior \d+ \w+ ago$/). */
  toast = (text: Text) => this.page.locator('[data-sonner-toast]').filter({ hasText: text });

  // ---- read-only detail (from a card) ----
  detail = () => this.page.getByRole('region', { name: 'Handoff details' });
  detailBack = () => this.page.getByRole('button', { name: '← Back to handoffs' });
  detailClaim = () => this.detail().getByRole('button', { name: 'Claim', exact: true });

  // ---- the briefing at the top of a picked-up session ----
  /** "You picked up “{title}”" (just claimed) or "Briefing: “{title}”" (read again from the timeline). */
  pickupHeading = () => this.page.getByRole('heading', { name: /^You picked up “/ });
  briefingHeading = () => this.page.getByRole('heading', { name: /^(You picked up|Briefing:) “/ });
  hideBriefing = () => this.page.getByRole('button', { name: 'Hide the briefing' });
  /** Briefing sections (regions by heading): Problem, Engineer notes, Snapshot, AI assessment. */
  briefingSection = (name: 'Problem' | 'Engineer notes' | 'Snapshot' | 'AI assessment') =>
    this.page.getByRole('region', { name });
  branchMap = () => this.briefingSection('Snapshot').getByRole('list', { name: 'Hypothesis map' });
  /** A branch row by its label (chip text: Untried / Active / Ruled out / Solved — the side panel's words). */
  branch = (label: Text) => this.branchMap().getByRole('listitem').filter({ hasText: label }).first();
  /** "Assessment still computing…" / "Assessment unavailable" while there is no assessment. */
  assessmentStatus = () => this.briefingSection('AI assessment').locator('.assessment-state');

  // ---- profile menu ----
  /** Accessible name "Profile: {name}, {role}"; aria-expanded while the menu is open. */
  profileButton = () => this.page.getByRole('button', { name: /^Profile: / });
  profileMenu = () => this.page.getByRole('menu', { name: 'Profiles' });
  switchTo = (name: string) =>
    this.profileMenu().getByRole('menuitem', { name: new RegExp(`^Switch to ${name}\\b`) });
  addProfileItem = () => this.profileMenu().getByRole('menuitem', { name: 'Add profile…' });
  addProfileDialog = () => this.page.getByRole('alertdialog', { name: 'Add a profile' });

  async switchProfile(name: string) {
    await this.profileButton().click();
    await this.switchTo(name).click();
    await this.page.getByRole('button', { name: new RegExp(`^Profile: ${name},`) }).waitFor();
  }

  async addProfile(input: {
    name: string;
    email: string;
    role: 'Owner' | 'Admin' | 'Engineer' | 'Technician';
  }) {
    await this.profileButton().click();
    await this.addProfileItem().click();
    const dialog = this.addProfileDialog();
    await dialog.getByRole('textbox', { name: 'Name' }).fill(input.name);
    await dialog.getByRole('textbox', { name: 'Email' }).fill(input.email);
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: input.role });
    await dialog.getByRole('button', { name: 'Add and switch' }).click();
  }
}
