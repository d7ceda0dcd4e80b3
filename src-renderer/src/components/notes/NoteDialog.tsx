import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { NoteKind, NotePostOutcome, NotePreview } from '../../../../src-preload/contract';
import { BatonError, baton, unwrap } from '../../api/client';
import { errorMessage } from '../../stores/queue-store';
import { Markdown } from '../chat/LazyMarkdown';
import '../../notes.css';

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

/** What a confirmed post did, in words. */
export function outcomeLine(outcome: NotePostOutcome): string {
  switch (outcome.outcome) {
    case 'resolved_local':
      return 'Resolved. The note is kept in Baton (no ConnectWise ticket is linked).';
    case 'escalated_local':
      return 'Escalated. The package is kept in Baton (no ConnectWise ticket is linked).';
    case 'queued':
      return 'Posting to ConnectWise when online. The status changes once the post is verified.';
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
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !next && props.onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog card note-dialog" aria-describedby={undefined}>
          {props.kind && <NoteEditor kind={props.kind} sessionId={props.sessionId} onClose={props.onClose} />}
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function NoteEditor({
  kind,
  sessionId,
  onClose,
}: {
  kind: NoteKind;
  sessionId: string;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<NotePreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [markdown, setMarkdown] = useState('');
  const [editing, setEditing] = useState(false);
  const [posting, setPosting] = useState(false);
  const [postError, setPostError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const text = TEXT[kind];

  useEffect(() => {
    let live = true;
    unwrap(baton().notes.preview({ sessionId, kind }))
      .then((preview) => {
        if (!live) return;
        setDraft(preview);
        setMarkdown(preview.markdown);
      })
      .catch((err: unknown) => live && setLoadError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [kind, sessionId, attempt]);

  async function post() {
    setPosting(true);
    setPostError(null);
    try {
      const outcome = await unwrap(baton().notes.post({ sessionId, kind, markdown }));
      toast.success(outcome.outcome === 'queued' ? 'Queued for ConnectWise' : text.posted, {
        description: outcomeLine(outcome),
      });
      onClose();
    } catch (err) {
      // Whatever went wrong, the edited text stays in the editor.
      setPostError(err instanceof BatonError ? err.message : errorMessage(err));
    } finally {
      setPosting(false);
    }
  }

  const edited = draft !== null && markdown !== draft.markdown;
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
          <div className="note-tabs" role="group" aria-label="View">
            <button type="button" className="small" aria-pressed={!editing} onClick={() => setEditing(false)}>
              Preview
            </button>
            <button type="button" className="small" aria-pressed={editing} onClick={() => setEditing(true)}>
              Edit
            </button>
          </div>
          {editing ? (
            <textarea
              className="note-source-text"
              aria-label="Note (markdown)"
              value={markdown}
              spellCheck
              autoFocus
              onChange={(e) => setMarkdown(e.target.value)}
            />
          ) : (
            <div className="note-rendered" tabIndex={0} aria-label="Note preview">
              <Markdown text={markdown} />
            </div>
          )}
        </>
      )}

      {postError && (
        <p className="form-error" role="alert">
          {postError}
        </p>
      )}
      <div className="dialog-actions">
        <AlertDialog.Cancel asChild>
          <button type="button" disabled={posting}>
            Cancel
          </button>
        </AlertDialog.Cancel>
        <button
          type="button"
          className="primary"
          disabled={!draft || posting || markdown.trim() === ''}
          onClick={() => void post()}
        >
          {posting ? 'Posting…' : 'Confirm & post'}
        </button>
      </div>
    </div>
  );
}
