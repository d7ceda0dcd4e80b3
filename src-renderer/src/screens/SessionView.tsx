import { useState } from 'react';
import type { NoteKind, SessionStatus } from '../../../src-preload/contract';
import { isSenior, UNTITLED_SESSION } from '../../../src-preload/contract';
import { Composer } from '../components/chat/Composer';
import { Conversation } from '../components/chat/Conversation';
import { PanelIcon } from '../components/chat/icons';
import { SuggestedFixCard } from '../components/chat/SuggestedFixCard';
import { AssistantUnavailable, EscalationBanner, ParkedBanner } from '../components/chat/Notices';
import { HandoffDialog } from '../components/handoff/HandoffDialog';
import { NoteDialog } from '../components/notes/NoteDialog';
import { PendingPost, TicketLink } from '../components/psa/TicketLink';
import { NoticesRegion } from '../components/chat/NoticesRegion';
import { PANEL_ID, SidePanel } from '../components/panel/SidePanel';
import { StatusBadge } from '../components/StatusBadge';
import { TimeAgo } from '../components/TimeAgo';
import { HandoffChip } from '../components/session/HandoffChip';
import { PickupBrief } from '../components/session/PickupBrief';
import { SessionTitle } from '../components/session/SessionTitle';
import { useAppStore } from '../stores/app-store';
import type { OutboxItem } from '../stores/outbox-store';
import { useOutboxStore } from '../stores/outbox-store';
import { useHandoffStore } from '../stores/handoff-store';
import '../chat.css';

const PANEL_KEY = 'baton.sessionPanelOpen';
/** From this window width the panel fits beside the chat with the sidebar open (styles/chat/layout.css). */
const WIDE = 1180;
/** Where "Resolve…" is offered (DESIGN §3, Posting); a resolved session can be escalated again. */
const RESOLVABLE: SessionStatus[] = ['active', 'paused', 'requesting_escalation', 'escalated'];

function usePanelOpen(): [boolean, (open: boolean) => void] {
  // Until the technician chooses, the panel starts open where it fits beside the chat.
  const [open, setOpen] = useState(() => {
    const stored = localStorage.getItem(PANEL_KEY);
    return stored === null ? window.innerWidth >= WIDE : stored === 'true';
  });
  return [
    open,
    (next) => {
      localStorage.setItem(PANEL_KEY, String(next));
      setOpen(next);
    },
  ];
}

/** The troubleshooting chat: the conversation with the assistant, and the side panel of steps,
 * facts and hypotheses. */
export function SessionView() {
  const detail = useAppStore((s) => s.detail);
  const outbox = useOutboxStore((s) => s.items);
  const [panelOpen, setPanelOpen] = usePanelOpen();
  const [note, setNote] = useState<NoteKind | null>(null);
  const brief = useHandoffStore((s) => s.pickedUp);
  const briefFresh = useHandoffStore((s) => s.briefFresh);
  const senior = useAppStore((s) => (s.profile ? isSenior(s.profile.role) : false));
  const selectedId = useAppStore((s) => s.selectedId);
  const creating = useAppStore((s) => s.creating);

  // Once the stored copy is here (its message_added event can beat the reply), the typed one goes.
  const stored = new Set(detail?.messages.map((m) => m.id));
  const pending = outbox.filter(
    (i) => i.sessionId === selectedId && i.list === 'messages' && !stored.has(i.id),
  );
  if (!detail && creating && creating.id === selectedId) return starting(creating, pending);
  if (!detail) return <div className="content-loading" aria-busy="true" />;
  const userMessages = detail.messages.filter((m) => m.role === 'user').length;

  return (
    <section className={`session-layout${panelOpen ? ' with-panel' : ''}`} aria-labelledby="session-title">
      <header className="session-header">
        <div className="session-heading">
          <SessionTitle
            key={detail.id}
            id={detail.id}
            title={detail.title}
            problem={detail.problemSummary ?? detail.messages.find((m) => m.role === 'user')?.body ?? null}
          />
          <p className="muted">
            Started <TimeAgo at={detail.createdAt} /> · {userMessages} {userMessages === 1 ? 'note' : 'notes'}
          </p>
          <TicketLink detail={detail} />
          <HandoffChip state={detail.trace.state} />
        </div>
        <div className="session-header-side">
          <StatusBadge status={detail.status} />
          {RESOLVABLE.includes(detail.status) && (
            <button type="button" className="small" aria-haspopup="dialog" onClick={() => setNote('resolve')}>
              Resolve…
            </button>
          )}
          {detail.status === 'resolved' && (
            <button
              type="button"
              className="small"
              aria-haspopup="dialog"
              onClick={() => setNote('escalate')}
            >
              Reopen and escalate…
            </button>
          )}
          <button
            type="button"
            className="small handoff-button"
            aria-haspopup="dialog"
            onClick={() => useHandoffStore.getState().openForm(detail.escalationRequest.reason)}
          >
            Hand off…
          </button>
          <button
            type="button"
            className="small panel-toggle"
            aria-expanded={panelOpen}
            aria-controls={PANEL_ID}
            title={panelOpen ? 'Hide steps, facts and hypotheses' : 'Show steps, facts and hypotheses'}
            onClick={() => setPanelOpen(!panelOpen)}
          >
            <PanelIcon />
            <span className="panel-toggle-label">{panelOpen ? 'Hide panel' : 'Show panel'}</span>
          </button>
        </div>
      </header>
      {/* Below the header, so the panel (beside the chat, or over it in a narrow window) never
       * covers the header's toggle. */}
      <div className="session-body">
        <div className="session-main">
          <Conversation
            messages={detail.messages}
            pending={pending}
            events={detail.trace.events}
            brief={
              brief?.sessionId === detail.id ? (
                <PickupBrief key={brief.id} handoff={brief} fresh={briefFresh} />
              ) : undefined
            }
            onBriefing={senior ? (id) => void useHandoffStore.getState().showBrief(id) : undefined}
          />
          <NoticesRegion>
            <PendingPost detail={detail} />
            <ParkedBanner detail={detail} />
            {detail.activeFix && <SuggestedFixCard key={detail.activeFix.id} fix={detail.activeFix} />}
            <EscalationBanner detail={detail} />
            {!detail.assistantAvailable && <AssistantUnavailable />}
          </NoticesRegion>
          <Composer sessionId={detail.id} />
        </div>
        <SidePanel detail={detail} hidden={!panelOpen} onClose={() => setPanelOpen(false)} />
      </div>
      <HandoffDialog sessionId={detail.id} />
      <NoteDialog kind={note} sessionId={detail.id} onClose={() => setNote(null)} />
    </section>
  );
}

/**
 * A new session while main stores it: its composer is already there and takes what is typed (and
 * sent: it waits for the session). Called, not rendered as a component, and shaped like the full
 * layout above, so React keeps the same Conversation and Composer when the session arrives: the
 * text, the caret and the focus stay where they are.
 */
function starting(creating: { id: string; error: string | null }, pending: OutboxItem[]) {
  return (
    <section className="session-layout" aria-labelledby="session-title" aria-busy={!creating.error}>
      <header className="session-header">
        <div className="session-heading">
          <div className="session-title-row">
            <h1 id="session-title">{UNTITLED_SESSION}</h1>
          </div>
          <p className="muted">{creating.error ? 'Not started yet' : 'Starting…'}</p>
        </div>
      </header>
      <div className="session-body">
        <div className="session-main">
          <Conversation messages={[]} pending={pending} />
          <NoticesRegion>
            {creating.error && (
              <div className="session-start-failed" role="alert">
                <p>
                  Could not start the session: {creating.error.replace(/[.!]?$/, '.')} What you type here is
                  kept.
                </p>
                <button type="button" className="small" onClick={() => useAppStore.getState().retryCreate()}>
                  Try again
                </button>
              </div>
            )}
          </NoticesRegion>
          <Composer sessionId={creating.id} />
        </div>
      </div>
    </section>
  );
}
