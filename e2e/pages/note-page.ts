import type { Page } from '@playwright/test';

/** The note preview dialog (resolve / escalate): draft, Preview / Edit, Confirm & post. */
export class NotePage {
  constructor(private readonly page: Page) {}

  resolveButton = () => this.page.getByRole('button', { name: 'Resolve…' });
  reopenAndEscalateButton = () => this.page.getByRole('button', { name: 'Reopen and escalate…' });
  dialog = () => this.page.getByRole('alertdialog', { name: /^(Resolution note|Escalation package)$/ });
  /** "Resolution note" or "Escalation package". */
  title = () => this.dialog().getByRole('heading', { level: 2 }).first();
  /** "Drafted by AI" or "Offline draft", and whether it came from the cache or was edited. */
  meta = () => this.dialog().locator('.note-meta');
  notice = () => this.dialog().getByRole('note');
  previewTab = () => this.dialog().getByRole('button', { name: 'Preview' });
  editTab = () => this.dialog().getByRole('button', { name: 'Edit' });
  editor = () => this.dialog().getByRole('textbox', { name: 'Note (markdown)' });
  rendered = () => this.dialog().getByLabel('Note preview');
  renderedHeading = (name: string) => this.rendered().getByRole('heading', { name });
  confirmButton = () => this.dialog().getByRole('button', { name: /^(Confirm & post|Posting…)$/ });
  error = () => this.dialog().getByRole('alert');
  /** The "N secrets withheld" review beside the note, and its list. */
  withheldBadge = () => this.dialog().getByRole('button', { name: /secrets? withheld/ });
  withheldList = () => this.dialog().locator('.note-review .withheld-details');
  /** "Add the root cause … in your own words": sections the session could not fill. */
  needsWords = () => this.dialog().locator('#note-needs-words');
  /** Types `words` into every section of the open editor that holds none, as a technician would. */
  async fillGaps(words: string) {
    const lines = (await this.editor().inputValue()).split('\n');
    const out: string[] = [];
    lines.forEach((line, at) => {
      out.push(line);
      if (!/^## /.test(line)) return;
      const next = lines.findIndex((l, i) => i > at && /^## /.test(l));
      const body = lines.slice(at + 1, next < 0 ? undefined : next).join('\n');
      if (body.trim() === '') out.push('', words);
    });
    await this.editor().fill(out.join('\n'));
  }
  cancelButton = () => this.dialog().getByRole('button', { name: 'Cancel', exact: true });
  /** Asked when Escape or Cancel would throw edits away. */
  discardQuestion = () => this.page.getByRole('alertdialog', { name: 'Discard your edits?' });
  keepEditing = () => this.discardQuestion().getByRole('button', { name: 'Keep editing' }).click();
  discardEdits = () => this.discardQuestion().getByRole('button', { name: 'Discard edits' }).click();
}
