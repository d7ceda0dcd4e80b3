import type { ReactNode } from 'react';
import { createContext } from 'react';

/** The section's title, for "Discard unsaved changes to AI assistant?". */
export const SectionTitle = createContext('Settings');

/** One card on the Settings screen: a titled region, a line on what it is for, then its form. */
export function SettingsSection(props: {
  id: string;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <section className="card settings-section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <header className="settings-section-header">
        <h2 id={`${props.id}-title`} tabIndex={-1}>
          {props.title}
        </h2>
        <p className="muted">{props.description}</p>
      </header>
      <SectionTitle.Provider value={props.title}>{props.children}</SectionTitle.Provider>
    </section>
  );
}
