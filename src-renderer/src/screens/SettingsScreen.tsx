import type { ComponentType } from 'react';
import { AiSettingsSection } from '../components/settings/AiSettingsSection';
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
import '../settings.css';

interface SectionDef {
  id: string;
  title: string;
  description: string;
  Body: ComponentType;
}

/** The sections, in the order they appear. Each one loads and saves its own part of the settings. */
const SECTIONS: SectionDef[] = [
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
    id: 'settings-desktop',
    title: 'This computer',
    description: 'Start Baton in the tray at sign-in, so escalations reach you, and where updates come from.',
    Body: DesktopSection,
  },
];

/** Settings: how this Baton connects to the services the team uses. */
export function SettingsScreen() {
  return (
    <section className="settings-view" aria-labelledby="settings-title">
      <header className="settings-header">
        <h1 id="settings-title">Settings</h1>
        <p className="muted">
          Stored on this computer. Keys and passwords go to the system keychain and are never shown again.
        </p>
      </header>
      <div className="settings-body">
        {SECTIONS.map(({ id, title, description, Body }) => (
          <SettingsSection key={id} id={id} title={title} description={description}>
            <Body />
          </SettingsSection>
        ))}
      </div>
    </section>
  );
}
