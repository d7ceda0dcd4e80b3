import type { ReactNode } from 'react';

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
      {props.children}
    </section>
  );
}
