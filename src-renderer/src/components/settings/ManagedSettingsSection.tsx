import type { ManagedSettingsView } from '../../../../src-preload/contract';
import { baton } from '../../api/client';
import { SectionLoader } from './SectionLoader';
import { useReadOnce } from './useReadOnce';
import '../../managed.css';

const readManaged = () => baton().settings['managed-get']();

/**
 * Settings → Managed settings (issue 17): the file the organization pushed, what it sets (locked in the
 * sections below), what is wrong with it, and what changed at the last start.
 */
export function ManagedSettingsSection() {
  const { value, failure, retry } = useReadOnce(readManaged);
  return (
    <SectionLoader value={value} failure={failure} what="the managed settings" retry={retry}>
      {(view) => <ManagedSummary view={view} />}
    </SectionLoader>
  );
}

function ManagedSummary({ view }: { view: ManagedSettingsView }) {
  const where = view.source === 'env' ? 'named by BATON_SETTINGS_FILE' : 'the usual place on this computer';
  return (
    <div className="managed-summary">
      {view.state === 'none' || view.file === null ? (
        <p className="muted">
          No managed settings file: every setting here is chosen in the app.
          {view.file && (
            <>
              {' '}
              Baton looks for one at <span className="managed-file">{view.file}</span>.
            </>
          )}
        </p>
      ) : view.state === 'unreadable' ? (
        <p className="managed-note" role="note">
          Baton could not use <span className="managed-file">{view.file}</span> ({where}). Settings below are
          chosen in the app until the file is fixed; it is read again at the next start.
        </p>
      ) : (
        <p className="managed-note" role="note">
          Set by your organization in <span className="managed-file">{view.file}</span> ({where}). Values it
          sets are marked “Managed by your organization” and cannot be changed here; a change to the file
          applies when Baton next starts.
        </p>
      )}

      {view.problems.length > 0 && (
        <div role="alert">
          <h3 className="managed-subheading">
            {view.problems.length === 1 ? 'A problem' : `${view.problems.length} problems`} in the file (the
            rest of it is used)
          </h3>
          <ul className="managed-problems">
            {view.problems.map((p, i) => (
              <li key={`${p.key}-${i}`}>
                {p.key ? (
                  <>
                    <span className="managed-key">{p.key}</span>: {p.message}
                  </>
                ) : (
                  p.message
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {view.values.length > 0 && (
        <details className="managed-details">
          <summary>
            What the file sets ({view.values.length} {view.values.length === 1 ? 'setting' : 'settings'}
            {view.roster ? ' and the team roster' : ''})
          </summary>
          <dl className="managed-values">
            {view.values.map((v) => (
              <div key={v.key} className="managed-pair">
                <dt>
                  {v.label} <span className="managed-key">({v.key})</span>
                </dt>
                <dd>{v.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}

      {view.lastChange && (
        <details className="managed-details">
          <summary>
            Changed at the start on {new Date(view.lastChange.at).toLocaleString()} (
            {view.lastChange.changes.length} {view.lastChange.changes.length === 1 ? 'change' : 'changes'})
          </summary>
          <ul className="managed-changes">
            {view.lastChange.changes.map((c) => (
              <li key={c.key}>
                <span className="managed-key">{c.key}</span>: {c.from} → {c.to}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
