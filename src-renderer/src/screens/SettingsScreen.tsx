import type { ComponentType, MouseEvent, RefObject } from 'react';
import { Fragment, useEffect, useRef, useState } from 'react';
import { isAdmin } from '../../../src-preload/contract';
import { AiSettingsSection } from '../components/settings/AiSettingsSection';
import { AppearanceSection } from '../components/settings/AppearanceSection';
import { ConnectWiseSection } from '../components/settings/ConnectWiseSection';
import { DesktopSection } from '../components/settings/DesktopSection';
import { EmailRecipientsSection } from '../components/settings/EmailRecipientsSection';
import { EscalationSettingsSection } from '../components/settings/EscalationSettingsSection';
import { ManagedSettingsSection } from '../components/settings/ManagedSettingsSection';
import { MicrosoftSection } from '../components/settings/MicrosoftSection';
import { PeopleSection } from '../components/settings/PeopleSection';
import { SettingsSection } from '../components/settings/SettingsSection';
import { TeamSection } from '../components/settings/TeamSection';
import { WebhooksSection } from '../components/settings/WebhooksSection';
import { useAppStore } from '../stores/app-store';
import '../settings.css';

interface SectionDef {
  id: string;
  title: string;
  description: string;
  Body: ComponentType;
  /** Anyone may change it (this computer's own choice); the rest is for owners and admins. */
  everyone?: boolean;
}

/** The sections, in the order they appear. Each one loads and saves its own part of the settings. */
const SECTIONS: SectionDef[] = [
  {
    id: 'settings-ai',
    title: 'AI assistant',
    description:
      'The model that answers in sessions and drafts handoffs and notes. Secrets you paste are removed before anything is sent.',
    Body: AiSettingsSection,
  },
  {
    id: 'settings-connectwise',
    title: 'ConnectWise',
    description:
      'The ConnectWise Manage site notes are posted to, and which ticket statuses Baton sets. The API keys go to the system keychain.',
    Body: ConnectWiseSection,
  },
  {
    id: 'settings-team',
    title: 'Team escalations',
    description:
      'Escalations from technicians on other machines arrive through ConnectWise: how often this Baton checks, and which boards it watches.',
    Body: TeamSection,
  },
  {
    id: 'settings-microsoft',
    title: 'Microsoft 365',
    description:
      'Escalation emails are sent through Microsoft Graph from one mailbox, signed in once by an owner or admin.',
    Body: MicrosoftSection,
  },
  {
    id: 'settings-email-recipients',
    title: 'Email recipients',
    description: 'Who the escalation email goes to, once Microsoft 365 is signed in.',
    Body: EmailRecipientsSection,
  },
  {
    id: 'settings-notifications',
    title: 'Notifications',
    description:
      'Where an escalation is announced. Each webhook posts to one channel; its URL is a secret and is never shown again.',
    Body: WebhooksSection,
  },
  {
    id: 'settings-escalations',
    title: 'Escalations',
    description:
      'Support ticket numbers, the expert technicians can call, and how long a handoff may wait before it is announced again.',
    Body: EscalationSettingsSection,
  },
  {
    id: 'settings-managed',
    title: 'Managed settings',
    description:
      'Settings your organization provides to every computer from one file. Those values are locked here.',
    Body: ManagedSettingsSection,
  },
  {
    id: 'settings-people',
    title: 'People',
    description: 'Who uses Baton, in which role, and which ConnectWise member each person claims as.',
    Body: PeopleSection,
  },
  {
    id: 'settings-desktop',
    title: 'This computer',
    description: 'Start Baton in the tray at sign-in, so escalations reach you, and where updates come from.',
    Body: DesktopSection,
    everyone: true,
  },
  {
    id: 'settings-appearance',
    title: 'Appearance',
    description: 'How Baton looks on this computer. Only you see it.',
    Body: AppearanceSection,
    everyone: true,
  },
];

/** What a technician or engineer may change here: this computer's own choices. */
const OWN_SECTIONS = SECTIONS.filter((section) => section.everyone);

/** The section whose top is nearest above the first third of the scroller: the one being read. */
function useCurrentSection(scroller: RefObject<HTMLElement | null>): string {
  const [current, setCurrent] = useState(SECTIONS[0]!.id);
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const pick = () => {
      const line = root.getBoundingClientRect().top + root.clientHeight / 3;
      let id = SECTIONS[0]!.id;
      for (const { id: candidate } of SECTIONS) {
        const section = document.getElementById(candidate);
        if (section && section.getBoundingClientRect().top <= line) id = candidate;
      }
      // At the very bottom the last sections may never reach the line: the last one is being read.
      if (root.scrollTop + root.clientHeight >= root.scrollHeight - 2) id = SECTIONS.at(-1)!.id;
      setCurrent(id);
    };
    pick();
    root.addEventListener('scroll', pick, { passive: true });
    const resize = new ResizeObserver(pick);
    resize.observe(root);
    return () => {
      root.removeEventListener('scroll', pick);
      resize.disconnect();
    };
  }, [scroller]);
  return current;
}

/** Scrolls to a section and puts the keyboard there (its heading), without touching the URL. */
function goTo(event: MouseEvent, id: string) {
  event.preventDefault();
  const heading = document.getElementById(`${id}-title`);
  if (!heading) return;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

/** Settings: how this Baton connects to the services the team uses, and how it looks here. */
export function SettingsScreen() {
  const role = useAppStore((s) => s.profile?.role);
  const scroller = useRef<HTMLElement>(null);
  const current = useCurrentSection(scroller);
  // In a narrow window the list is a strip that scrolls sideways: keep the current section in it.
  useEffect(() => {
    document
      .querySelector(`.settings-nav a[href="#${current}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  const readOnly = role !== undefined && !isAdmin(role);

  return (
    <section className="settings-view" aria-labelledby="settings-title" ref={scroller}>
      <header className="settings-header">
        <h1 id="settings-title">Settings</h1>
        <p className="muted">
          Stored on this computer. Keys and passwords go to the system keychain and are never shown again.
        </p>
        {readOnly && (
          <p className="settings-readonly" role="note">
            Only an owner or admin can change the team&apos;s settings: you can read them here.{' '}
            {OWN_SECTIONS.map(({ id, title }, i) => (
              <Fragment key={id}>
                {i > 0 && ' and '}
                <a href={`#${id}`} onClick={(e) => goTo(e, id)}>
                  {title}
                </a>
              </Fragment>
            ))}{' '}
            {OWN_SECTIONS.length === 1 ? 'is' : 'are'} yours to change.
          </p>
        )}
      </header>
      <div className="settings-columns">
        <nav className="settings-nav" aria-label="Settings sections">
          <ul>
            {SECTIONS.map(({ id, title }) => (
              <li key={id}>
                <a
                  href={`#${id}`}
                  aria-current={current === id ? 'location' : undefined}
                  onClick={(e) => goTo(e, id)}
                >
                  {title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-body">
          {SECTIONS.map(({ id, title, description, Body }) => (
            <SettingsSection key={id} id={id} title={title} description={description}>
              <Body />
            </SettingsSection>
          ))}
        </div>
      </div>
    </section>
  );
}
