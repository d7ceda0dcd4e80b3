import type { Locator, Page } from '@playwright/test';

type Text = string | RegExp;
/** The page's clipboard (the e2e code is typed without the DOM library). */
type BrowserClipboard = { navigator: { clipboard: { writeText(text: string): Promise<void> } } };

/**
 * The open session: the conversation with the assistant (streaming replies, reply states, Retry,
 * withheld secrets), the escalation banner and composer, and the side panel's Steps, Facts and
 * Hypotheses. Messages are found by their text; steps and facts by their exact text; branches by
 * their exact label.
 */
export class SessionPage {
  constructor(private readonly page: Page) {}

  // ---- header ----
  title = () => this.page.locator('#session-title');
  header = () => this.page.locator('.session-header');
  /** "Active", "Parked", "Needs a senior", "Escalated" or "Resolved". */
  statusBadge = () => this.header().locator('.badge');
  /** The handoff chip: "Waiting for a senior since 10:42 · High", "Picked up by Sam Senior 2 min ago", … */
  handoffChip = () => this.header().getByRole('group', { name: 'Handoff' });
  handoffState = () => this.handoffChip().getByRole('status');
  handoffTicket = () => this.handoffChip().locator('.ticket-number');
  copyTicketNumber = () => this.handoffChip().getByRole('button', { name: /^Copy ticket number / });
  viewPostedNote = () => this.handoffChip().getByRole('button', { name: 'View note' });
  postedNote = () => this.page.getByRole('dialog', { name: 'Resolution note' });
  renameButton = () => this.header().getByRole('button', { name: 'Rename session' });
  titleInput = () => this.header().getByRole('textbox', { name: 'Session title' });
  /** The handoff story in the conversation, oldest first ("Terry Tech escalated this to a senior", …). */
  traceEvents = () => this.conversation().locator('.trace-event');
  traceEvent = (text: Text) => this.traceEvents().filter({ hasText: text });
  /** aria-expanded says whether the side panel is showing. */
  panelToggle = () => this.page.getByRole('button', { name: /^(Hide|Show) panel$/ });

  /** While parked: "Parked by you 5 min ago" (with Resume) or "Parked by {name} …". */
  parkedBanner = () => this.page.getByRole('region', { name: 'Parked' });
  resumeButton = () => this.parkedBanner().getByRole('button', { name: 'Resume session' });

  /** The active suggested fix: text, "{n}% confidence", Apply once / Save as template / Dismiss, then the outcome. */
  fixCard = () => this.page.getByRole('region', { name: 'Suggested fix' });
  fixButton = (
    name:
      | 'Apply once'
      | 'Save as template'
      | 'Dismiss'
      | 'It worked'
      | 'Still pending…'
      | 'It failed…'
      | 'It worked now'
      | 'Save',
  ) => this.fixCard().getByRole('button', { name, exact: true });
  fixReason = () => this.fixCard().getByRole('textbox');
  fixOutcome = () => this.fixCard().getByRole('status');

  // ---- the session's ConnectWise ticket ----
  linkTicketButton = () => this.page.getByRole('button', { name: 'Link a ticket…' });
  ticketNumber = () => this.page.getByRole('textbox', { name: 'ConnectWise ticket #' });
  linkButton = () => this.page.getByRole('button', { name: 'Link', exact: true });
  ticketLine = () => this.page.getByLabel('ConnectWise ticket', { exact: true });
  ticketError = () => this.page.getByRole('form', { name: 'Link a ConnectWise ticket' }).getByRole('alert');
  /** "… is posting to ConnectWise ticket #N when online …". */
  pendingPost = () => this.page.locator('.pending-post');
  /** A post that failed for good: its message and its Retry ("Retry the status change" once the note landed). */
  failedPost = () => this.page.getByRole('region', { name: 'Not posted' });
  failedPostRetry = () => this.failedPost().getByRole('button', { name: /^Retry/ });
  async linkTicket(id: number) {
    await this.linkTicketButton().click();
    await this.ticketNumber().fill(String(id));
    await this.linkButton().click();
  }

  // ---- conversation ----
  conversation = () => this.page.getByRole('list', { name: 'Conversation' });
  /** Technician, assistant and system messages as stored (not the "thinking" row, not notes still
   * being saved: see unsavedNotes). */
  messages = () => this.conversation().locator('.message:not(.message-pending)');
  technicianMessages = () => this.conversation().locator('.message-user:not(.message-pending)');
  assistantMessages = () => this.conversation().locator('.message-assistant');
  message = (text: Text) => this.messages().filter({ hasText: text });
  /** The author's "Show withheld" / "Hide withheld" toggle on a message with withheld secrets. */
  showWithheld = (text: Text) => this.message(text).getByRole('button', { name: /^(Show|Hide) withheld$/ });
  technicianMessage = (text: Text) => this.technicianMessages().filter({ hasText: text });
  assistantMessage = (text: Text) => this.assistantMessages().filter({ hasText: text });
  /** An assistant reply still streaming (aria-busy), its text growing. */
  streamingReplies = () => this.conversation().locator('.message-assistant[aria-busy="true"]');
  /** Shown while a reply is asked for and no text has arrived yet. */
  thinking = () => this.conversation().getByRole('status').filter({ hasText: 'Assistant is thinking…' });
  /** Under a technician message: "Reply will arrive when you're back online". */
  waitingNotice = (text: Text) =>
    this.technicianMessage(text).getByText("Reply will arrive when you're back online");
  /** The reply waits for the AI endpoint itself (not the network): "…when the AI assistant answers again." */
  waitingForAi = (text: Text) =>
    this.technicianMessage(text).getByText(/^Reply will arrive when the AI assistant answers again/);
  /** Under a technician message: "Reply failed: {error}". */
  replyFailed = (text: Text) => this.technicianMessage(text).getByText(/^Reply failed:/);
  retryButton = (text: Text) => this.technicianMessage(text).getByRole('button', { name: 'Retry' });
  retry = (text: Text) => this.retryButton(text).click();
  /** On an assistant reply cut mid-stream. */
  incompleteNotice = (text: Text) =>
    this.assistantMessage(text).getByText('Connection lost mid-reply — the partial answer is kept');
  /** Present on a cut reply while its request's reply state is failed. */
  incompleteRetryButton = (text: Text) => this.assistantMessage(text).getByRole('button', { name: 'Retry' });
  /** Links in an assistant reply (only https ones are links; others are inert text). */
  links = (text: Text) => this.assistantMessage(text).getByRole('link');
  codeBlocks = (text: Text) => this.assistantMessage(text).locator('pre');
  /** "2 secrets withheld": a disclosure button (aria-expanded). */
  withheldBadge = (text: Text) =>
    this.technicianMessage(text).getByRole('button', { name: /\d+ secrets? withheld/ });
  /** "Password · S3…(9 chars)" rows, visible once the badge is expanded. */
  withheldItems = (text: Text) => this.technicianMessage(text).locator('.withheld-details li');
  withheldExplanation = (text: Text) =>
    this.technicianMessage(text).getByText('Replaced by placeholders before the message was stored');

  // ---- above the composer ----
  escalationBanner = () => this.page.getByRole('region', { name: 'Escalation suggested' });
  escalateButton = () => this.escalationBanner().getByRole('button', { name: 'Escalate to a senior' });
  escalate = () => this.escalateButton().click();
  assistantUnavailable = () => this.page.getByRole('note').filter({ hasText: 'No AI assistant is set up' });

  // ---- notes not stored yet (the outbox) ----
  /** The technician's notes as stored (not those still being saved or failed). */
  savedNotes = () => this.technicianMessages();
  savedNoteBodies = () => this.savedNotes().locator('.message-body');
  /** Notes handed over but not stored yet: "Saving…", "Waiting: …" or "Not saved: … Retry". */
  unsavedNotes = () => this.conversation().locator('.message-pending');
  unsavedNote = (text: Text) => this.unsavedNotes().filter({ hasText: text });
  /** "Saving…" or "Waiting: the note above is not saved yet". */
  unsavedNoteStatus = (text: Text) => this.unsavedNote(text).getByRole('status');
  /** "Not saved: {error}. Nothing is lost…" with Retry and Discard…. */
  unsavedNoteFailure = (text: Text) => this.unsavedNote(text).getByRole('alert');
  retryUnsavedNote = (text: Text) =>
    this.unsavedNoteFailure(text).getByRole('button', { name: 'Retry' }).click();

  // ---- composer ----
  composer = () => this.page.getByRole('textbox', { name: 'Message', exact: true });
  sendButton = () => this.page.getByRole('button', { name: 'Send', exact: true });
  /** A refused paste ("This paste is 9.1 MB; …") or a message the contract would refuse. */
  composerAlert = () => this.page.locator('form.composer').getByRole('alert');
  /** "95,000 / 100,000" once the text nears the limit. */
  composerCount = () => this.page.locator('form.composer .char-count');

  /** Types a message and presses Enter (Shift+Enter would break the line instead). */
  async addNote(text: string) {
    await this.composer().fill(text);
    await this.composer().press('Enter');
  }
  send = (text: string) => this.addNote(text);

  /** Types into whatever has focus, key by key, and presses Enter, as a person does (no waiting). */
  async typeAndEnter(text: string) {
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Puts text on the clipboard and pastes it into the focused field with Ctrl/Cmd+V. */
  async pasteIntoFocused(text: string) {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate(
      (value) => (globalThis as unknown as BrowserClipboard).navigator.clipboard.writeText(value),
      text,
    );
    await this.page.keyboard.press('ControlOrMeta+V');
  }

  // ---- side panel ----
  panel = () => this.page.getByRole('complementary', { name: 'Steps, facts and hypotheses' });
  stepsSection = () => this.panel().getByRole('region', { name: 'Steps', exact: true });
  factsSection = () => this.panel().getByRole('region', { name: 'Facts', exact: true });
  hypothesesSection = () => this.panel().getByRole('region', { name: 'Hypotheses', exact: true });
  /** A dialog asking "Remove this step?" / "Remove this hypothesis?". */
  confirmDialog = (title: Text) => this.page.getByRole('alertdialog', { name: title });
  /** Sonner toasts (errors, "Fact removed" with Undo…). */
  toast = (text: Text) => this.page.locator('[data-sonner-toast]').filter({ hasText: text });

  // ---- steps ----
  steps = () => this.stepsSection().locator('.step-list > li');
  step = (text: string) => this.stepsSection().getByRole('listitem', { name: text, exact: true });
  stepOption = (text: string, option: string) =>
    this.step(text).getByRole('radio', { name: option, exact: true });
  stepNote = (text: string) => this.step(text).getByRole('textbox', { name: /^Note for step \d+$/ });
  /** aria-pressed is true while the step is skipped. */
  skipButton = (text: string) => this.step(text).getByRole('button', { name: /^Skip step/ });
  /** "AI" or "You". */
  stepSource = (text: string) => this.step(text).locator('.source-badge');
  stepHypothesis = (text: string) => this.step(text).getByRole('combobox', { name: /^Hypothesis for step/ });
  /** Field errors of the add-step form (role=alert next to the field). */
  addStepErrors = () => this.stepsSection().getByRole('form', { name: 'Add step' }).getByRole('alert');

  chooseOption = (text: string, option: string) => this.stepOption(text, option).check();
  toggleSkip = (text: string) => this.skipButton(text).click();

  /** Types the note and presses Enter (blur saves too). */
  async setStepNote(text: string, note: string) {
    await this.stepNote(text).fill(note);
    await this.stepNote(text).press('Enter');
  }

  async addStep(text: string, options: string[] = [], hypothesis?: string) {
    const toggle = this.stepsSection().getByRole('button', { name: 'New step…' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const form = this.stepsSection().getByRole('form', { name: 'Add step' });
    await form.getByRole('textbox', { name: 'Step', exact: true }).fill(text);
    await form.getByRole('textbox', { name: 'Options (optional)' }).fill(options.join(', '));
    if (hypothesis)
      await form.getByRole('combobox', { name: 'Hypothesis (optional)' }).selectOption({ label: hypothesis });
    await form.getByRole('button', { name: 'Add step', exact: true }).click();
  }

  async editStep(text: string, next: string) {
    await this.step(text)
      .getByRole('button', { name: /^Edit step/ })
      .click();
    const field = this.step(text).getByRole('textbox', { name: /^Text of step \d+$/ });
    await field.fill(next);
    await field.press('Enter');
  }

  /** Removes a step, answering the confirmation. */
  async removeStep(text: string) {
    await this.step(text)
      .getByRole('button', { name: /^Remove step/ })
      .click();
    await this.confirmDialog('Remove this step?')
      .getByRole('button', { name: 'Remove', exact: true })
      .click();
  }

  tieStepTo = (text: string, hypothesis: string) =>
    this.stepHypothesis(text).selectOption({ label: hypothesis });

  // ---- facts ----
  facts = () => this.factsSection().locator('.fact-list > li');
  fact = (text: string) => this.factsSection().getByRole('listitem', { name: text, exact: true });
  newFactField = () => this.factsSection().getByRole('textbox', { name: 'New fact' });
  factTexts = () => this.factsSection().locator('.fact-list > li:not(.pending-row) .fact-text');
  factErrors = () => this.factsSection().getByRole('alert');

  async addFact(text: string) {
    await this.newFactField().fill(text);
    await this.factsSection().getByRole('button', { name: 'Add fact' }).click();
  }

  async editFact(text: string, next: string) {
    await this.fact(text).getByRole('button', { name: 'Edit fact' }).click();
    const field = this.fact(text).getByRole('textbox', { name: 'Fact', exact: true });
    await field.fill(next);
    await field.press('Enter');
  }

  /** Removes at once; a toast "Fact removed" offers Undo. */
  removeFact = (text: string) => this.fact(text).getByRole('button', { name: 'Remove fact' }).click();
  undoRemoveFact = () => this.toast('Fact removed').getByRole('button', { name: 'Undo' }).click();

  // ---- hypotheses ----
  /** A branch's own card (role=group named by its label), without its sub-branches. */
  branch = (label: string) => this.hypothesesSection().getByRole('group', { name: label, exact: true });
  /** The cards of a branch's direct sub-branches. */
  subBranches = (label: string): Locator =>
    this.hypothesesSection()
      .locator('li.branch')
      .filter({ has: this.page.getByRole('group', { name: label, exact: true }) })
      .last()
      .locator(':scope > ul > li > [role=group]');
  /** "Untried", "Active", "Ruled out" or "Confirmed". */
  branchStatus = (label: string) => this.branch(label).locator('.chip');
  branchReason = (label: string) => this.branch(label).locator('.branch-reason-text');
  /** The steps tied to the branch ("Tried on this branch"), each "text — result". */
  branchSteps = (label: string) =>
    this.branch(label)
      .getByRole('list', { name: `Steps tried on ${label}` })
      .getByRole('listitem');
  reasonDialog = () => this.page.getByRole('alertdialog', { name: /^(Rule out|Confirm) this hypothesis\?$/ });
  reasonField = () => this.reasonDialog().getByRole('textbox', { name: 'Reason' });
  reasonError = () => this.reasonDialog().getByRole('alert');

  markActive = (label: string) => this.branch(label).getByRole('button', { name: 'Mark active' }).click();
  revive = (label: string) => this.branch(label).getByRole('button', { name: 'Revive' }).click();
  reopen = (label: string) => this.branch(label).getByRole('button', { name: 'Reopen' }).click();

  /** Rule out… with a reason; an empty reason leaves the dialog open with its error. */
  async ruleOut(label: string, reason: string) {
    await this.branch(label).getByRole('button', { name: 'Rule out…' }).click();
    await this.reasonField().fill(reason);
    await this.reasonDialog().getByRole('button', { name: 'Rule out', exact: true }).click();
  }

  async confirmBranch(label: string, reason: string) {
    await this.branch(label).getByRole('button', { name: 'Confirm…' }).click();
    await this.reasonField().fill(reason);
    await this.reasonDialog().getByRole('button', { name: 'Confirm', exact: true }).click();
  }

  async addHypothesis(label: string) {
    await this.hypothesesSection().getByRole('textbox', { name: 'New hypothesis' }).fill(label);
    await this.hypothesesSection().getByRole('button', { name: 'Add hypothesis' }).click();
  }

  async addSubBranch(parent: string, label: string) {
    await this.branch(parent).getByRole('button', { name: 'Add sub-branch' }).click();
    await this.branch(parent)
      .getByRole('textbox', { name: `New sub-branch of ${parent}` })
      .fill(label);
    await this.branch(parent).getByRole('button', { name: 'Add', exact: true }).click();
  }

  async renameBranch(label: string, next: string) {
    await this.branch(label).getByRole('button', { name: 'Edit hypothesis' }).click();
    const field = this.branch(label).getByRole('textbox', { name: 'Hypothesis', exact: true });
    await field.fill(next);
    await field.press('Enter');
  }

  async removeBranch(label: string) {
    await this.branch(label).getByRole('button', { name: 'Remove hypothesis' }).click();
    await this.confirmDialog('Remove this hypothesis?')
      .getByRole('button', { name: 'Remove', exact: true })
      .click();
  }
}
