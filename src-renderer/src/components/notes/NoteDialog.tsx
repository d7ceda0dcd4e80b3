import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import type {
  NoteKind,
  NotePostOutcome,
  NotePreview,
  Priority,
  Withheld,
} from '../../../../src-preload/contract';
import { PRIORITY_ORDER, TEXT_LIMITS, emptySections } from '../../../../src-preload/contract';
import { BatonError, baton, unwrap } from '../../api/client';
import { errorMessage } from '../../stores/queue-store';
import { useUnsavedGuard } from '../../stores/unsaved-store';
import { Markdown } from '../chat/LazyMarkdown';
import { WithheldBadge } from '../chat/WithheldBadge';
import { ConfirmDialog } from '../ConfirmDialog';
import type { Limit } from '../TextLimit';
import { LimitNote, overLimit, useTextLimit } from '../TextLimit';
import type { AssessmentCheckValue } from './AssessmentCheck';
import { AssessmentCheck } from './AssessmentCheck';
import '../../notes.css';

const NOTE_LIMIT: Limit = {
  max: TEXT_LIMITS.noteMarkdown,
  noun: 'a note',
  hint: 'Keep the note to what the ticket needs; paste the part around the error.',
};

const TEXT: Record<NoteKind, { title: string; description: string; posted: string }> = {
  resolve: {
    title: 'Resolution note',
    description: 'Check the draft, edit anything that is wrong, then confirm to resolve the session.',
    posted: 'Session resolved',
  },
  escalate: {
    title: 'Escalation package',
    description: 'What the senior will read first. Check and edit it, then confirm to escalate the session.',
    posted: 'Session escalated',
  },
};

const placeholders = (text: string) => (text.match(/\[REDACTED:[a-z_]+\]/g) ?? []).length;

/** What a confirmed post did, in words. */
export function outcomeLine(outcome: NotePostOutcome): string {
  switch (outcome.outcome) {
    case 'resolved_local':
      return 'Resolved. The note is kept in Baton (no ConnectWise ticket is linked).';
    case 'escalated_local':
      return 'Escalated. The package is kept in Baton (no ConnectWise ticket is linked).';
    case 'queued':
      return outcome.session.status === 'escalated'
        ? 'Escalated. The package goes to ConnectWise for the team as soon as ConnectWise answers.'
        : 'Queued: it posts to ConnectWise as soon as ConnectWise answers. The status changes once the post is verified.';
    default: {
      const verb = outcome.outcome === 'resolved' ? 'Resolved' : 'Escalated';
      return outcome.verifiedStatus
        ? `${verb}. Note ${outcome.externalNoteId} posted; ConnectWise shows “${outcome.verifiedStatus.name}”.`
        : `${verb}. Note ${outcome.externalNoteId} posted; ticket status left alone: ${outcome.statusTransitionSkippedReason ?? 'no status set'}.`;
    }
  }
}

/**
 * The note preview, one component for both kinds (DESIGN §3): a draft from the model or the offline
 * drafter, rendered as sanitized markdown, editable inline, then "Confirm & post".
 */
export function NoteDialog(props: { kind: NoteKind | null; sessionId: string; onClose: () => void }) {
  const open = props.kind !== null;
  // Edits to the draft are not thrown away by Escape or Cancel without asking.
  const [edited, setEdited] = useState(false);
  const [asking, setAsking] = useState(false);
  const close = () => {
    setEdited(false);
    props.onClose();
  };
  const requestClose = () => (edited ? setAsking(true) : close());
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !next && requestClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog card note-dialog"
          aria-describedby={undefined}
          onEscapeKeyDown={(event) => {
            event.preventDefault();
            requestClose();
          }}
        >
          {props.kind && (
            <NoteEditor
              kind={props.kind}
              sessionId={props.sessionId}
              onClose={close}
              onCancel={requestClose}
              onEditedChange={setEdited}
            />
          )}
          <ConfirmDialog
            open={asking}
            onOpenChange={setAsking}
            title="Discard your edits?"
            description="The changes you made to this note are not saved. The draft itself can be made again."
            cancelLabel="Keep editing"
            confirmLabel="Discard edits"
            danger
            onConfirm={close}
          />
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function NoteEditor({
  kind,
  sessionId,
  onClose,
  onCancel,
  onEditedChange,
}: {
  kind: NoteKind;
  sessionId: string;
  onClose: () => void;
  onCancel: () => void;
  onEditedChange: (edited: boolean) => void;
}) {
  const [draft, setDraft] = useState<NotePreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [markdown, setMarkdown] = useState('');
  const [editing, setEditing] = useState(false);
  const [posting, setPosting] = useState(false);
  const [postError, setPostError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [priority, setPriority] = useState<Priority>('medium');
  const [withheld, setWithheld] = useState<Withheld[]>([]);
  const [caught, setCaught] = useState(0);
  const { refusal, onPaste, clearRefusal } = useTextLimit(NOTE_LIMIT);
  const [assessmentCheck, setAssessmentCheck] = useState<AssessmentCheckValue>();
  const text = TEXT[kind];
  const edited = draft !== null && markdown !== draft.markdown;
  const tooLong = overLimit(markdown, NOTE_LIMIT.max);
  // Sections still waiting for the technician's words (a customer-visible note never goes out with a gap).
  const missing = draft ? emptySections(draft.needsWords, markdown) : [];
  const editor = useRef<HTMLTextAreaElement>(null);
  // The caret goes to the first empty section, ready to type there.
  const firstGap = draft?.needsWords[0];
  useEffect(() => {
    const area = editor.current;
    if (!editing || !area || !firstGap) return;
    const at = area.value.indexOf(firstGap);
    if (at < 0) return;
    const end = at + firstGap.length;
    area.setSelectionRange(end, end);
  }, [editing, firstGap]);
  useEffect(() => onEditedChange(edited), [edited, onEditedChange]);
  useUnsavedGuard('the note you are editing', edited);

  useEffect(() => {
    let live = true;
    unwrap(baton().notes.preview({ sessionId, kind }))
      .then((preview) => {
        if (!live) return;
        setDraft(preview);
        setMarkdown(preview.markdown);
        setWithheld(preview.withheld);
        // A section the session could not fill needs the technician's words: open the editor on it.
        if (preview.needsWords.length > 0) setEditing(true);
      })
      .catch((err: unknown) => live && setLoadError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [kind, sessionId, attempt]);

  async function post() {
    if (tooLong) return setPostError('The note is at most 20,000 characters: shorten it before posting.');
    setPosting(true);
    setPostError(null);
    try {
      // What is posted is exactly what is on screen: a secret typed into the edit is replaced by its
      // placeholder here first, and the technician confirms again with the note as it will read.
      const checked = await unwrap(baton().notes.check({ markdown }));
      setWithheld(checked.withheld);
      if (checked.markdown !== markdown) {
        setCaught(checked.withheld.length - placeholders(markdown));
        setMarkdown(checked.markdown);
        return;
      }
      setCaught(0);
      const outcome = await unwrap(
        baton().notes.post({
          sessionId,
          kind,
          markdown,
          ...(kind === 'escalate' ? { priority } : { assessmentCheck }),
        }),
      );
      toast.success(outcome.outcome === 'queued' ? 'Queued for ConnectWise' : text.posted, {
        description: outcomeLine(outcome),
      });
      onEditedChange(false);
      onClose();
    } catch (err) {
      // Whatever went wrong, the edited text stays in the editor.
      setPostError(err instanceof BatonError ? err.message : errorMessage(err));
    } finally {
      setPosting(false);
    }
  }

  const review =
    kind === 'resolve'
      ? 'Replaced by placeholders; the customer-visible note says [REDACTED:…] in their place:'
      : 'Replaced by placeholders; the package says [REDACTED:…] in their place:';
  return (
    <div className="note-editor">
      <AlertDialog.Title className="dialog-title">{text.title}</AlertDialog.Title>
      <p className="muted dialog-description">{text.description}</p>

      {loadError ? (
        <p className="form-error" role="alert">
          Could not draft the note: {loadError}{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              setLoadError(null);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </p>
      ) : !draft ? (
        <p className="muted note-drafting" aria-busy="true" role="status">
          Drafting the note…
        </p>
      ) : (
        <>
          <div className="note-meta" role="status">
            <span className={`badge note-source note-source-${draft.source}`}>
              {draft.source === 'ai' ? 'Drafted by AI' : 'Offline draft'}
            </span>
            {draft.cached && <span className="muted">Unchanged since the last draft</span>}
            {edited && <span className="muted">Edited</span>}
          </div>
          {draft.notice && (
            <p className="note-notice" role="note">
              {draft.notice}
            </p>
          )}
          {caught > 0 && (
            <p className="note-notice note-withheld-notice" role="alert">
              {caught === 1 ? 'A secret' : `${caught} secrets`} in your edit {caught === 1 ? 'was' : 'were'}{' '}
              replaced by {caught === 1 ? 'a placeholder' : 'placeholders'}. Check the note as it will be
              posted, then confirm again.
            </p>
          )}
          <div className="note-review" role="group" aria-label="Secrets withheld from this note">
            <WithheldBadge withheld={withheld} intro={review} />
          </div>
          <div className="note-tabs" role="group" aria-label="View">
            <button type="button" className="small" aria-pressed={!editing} onClick={() => setEditing(false)}>
              Preview
            </button>
            <button type="button" className="small" aria-pressed={editing} onClick={() => setEditing(true)}>
              Edit
            </button>
          </div>
          {missing.length > 0 && (
            <p className="note-notice note-needs-words" role="note" id="note-needs-words">
              Add {missing.map((h) => `the ${h.replace(/^#+\s*/, '').toLowerCase()}`).join(' and ')} in your
              own words: the session does not say, and this note goes to the customer.
            </p>
          )}
          {editing ? (
            <textarea
              ref={editor}
              className="note-source-text"
              aria-label="Note (markdown)"
              aria-describedby="note-limit"
              value={markdown}
              spellCheck
              autoFocus
              readOnly={posting}
              onChange={(e) => {
                setMarkdown(e.target.value);
                clearRefusal();
              }}
              onPaste={onPaste}
            />
          ) : (
            <div className="note-rendered" tabIndex={0} aria-label="Note preview">
              <Markdown text={markdown} />
            </div>
          )}
        </>
      )}

      {kind === 'escalate' && draft && (
        <label className="note-priority">
          Priority{' '}
          <select value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
            {PRIORITY_ORDER.map((p) => (
              <option key={p} value={p}>
                {p[0]!.toUpperCase() + p.slice(1)}
              </option>
            ))}
          </select>
        </label>
      )}
      {draft && <LimitNote id="note-limit" value={markdown} max={NOTE_LIMIT.max} refusal={refusal} />}
      {kind === 'resolve' && draft && <AssessmentCheck sessionId={sessionId} onChange={setAssessmentCheck} />}
      {postError && (
        <p className="form-error" role="alert">
          {postError}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" disabled={posting} onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!draft || posting || markdown.trim() === '' || tooLong || missing.length > 0}
          onClick={() => void post()}
        >
          {posting ? 'Posting…' : 'Confirm & post'}
        </button>
      </div>
    </div>
  );
}
