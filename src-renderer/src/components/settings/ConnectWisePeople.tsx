import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { ConnectWisePeopleView, ErrorCode } from '../../../../src-preload/contract';
import { baton, BatonError, unwrap } from '../../api/client';
import { errorMessage } from '../../stores/queue-store';
import { LiveFailure } from './ConnectWiseStatuses';
import { ManagedBadge } from './Field';

const BY_EMAIL = '';
const ROLE: Record<string, string> = {
  owner: 'Owner',
  admin: 'Admin',
  engineer: 'Engineer',
  technician: 'Technician',
};

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; view: ConnectWisePeopleView }
  | { state: 'failed'; message: string; code: ErrorCode | null };

/** The people and members, read live; never throws. */
async function readPeople(): Promise<Loaded> {
  try {
    return { state: 'ready', view: await unwrap(baton().settings['connectwise-people']()) };
  } catch (err) {
    return { state: 'failed', message: errorMessage(err), code: err instanceof BatonError ? err.code : null };
  }
}

/**
 * Settings → ConnectWise → People (DESIGN §3 PSA member mapping): each person beside the ConnectWise
 * member Baton acts as when they claim (matched by email, or chosen by hand), read live from ConnectWise.
 */
export function ConnectWisePeople({ configured }: { configured: boolean }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    if (!configured) return;
    let live = true;
    void readPeople().then((next) => live && setLoaded(next));
    return () => {
      live = false;
    };
  }, [configured]);
  const load = () => {
    setLoaded({ state: 'loading' });
    void readPeople().then(setLoaded);
  };

  async function map(userId: string, identifier: string | null, name: string) {
    setBusy(userId);
    try {
      const view = await unwrap(baton().settings['connectwise-map-member']({ userId, identifier }));
      setLoaded({ state: 'ready', view });
      toast.success(identifier ? `${name} claims as ${identifier}` : `${name} is matched by email again`);
    } catch (err) {
      toast.error(`Not changed: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="settings-subsection" aria-labelledby="cw-people-title">
      <h3 id="cw-people-title">People</h3>
      <p className="muted">
        Who claims escalations as which ConnectWise member. Baton matches by email; choose a member by hand
        where the emails differ. Someone with no member cannot claim a team escalation. Members your
        organization&apos;s team roster names are locked.
      </p>
      {!configured ? (
        <p className="settings-placeholder" role="note">
          Save the connection above first: the members come from ConnectWise.
        </p>
      ) : loaded.state === 'loading' ? (
        <p className="muted" role="status" aria-busy="true">
          Loading ConnectWise members…
        </p>
      ) : loaded.state === 'failed' ? (
        <LiveFailure live={{ ...loaded }} what="the ConnectWise members" retry={load} />
      ) : (
        <table className="people-table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Role</th>
              <th scope="col">ConnectWise member</th>
            </tr>
          </thead>
          <tbody>
            {loaded.view.people.map((person) => {
              const fromRoster = person.match === 'roster';
              const chosen =
                person.match === 'manual' || fromRoster ? (person.member?.identifier ?? BY_EMAIL) : BY_EMAIL;
              const listed = loaded.view.members.some((m) => m.identifier === person.member?.identifier);
              const id = `cw-member-${person.userId}`;
              return (
                <tr key={person.userId}>
                  <th scope="row">
                    <span className="person-name">{person.name}</span>
                    <span className="muted person-email">{person.email}</span>
                  </th>
                  <td>{ROLE[person.role] ?? person.role}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={id}>
                      ConnectWise member for {person.name}
                    </label>
                    <select
                      id={id}
                      className={fromRoster ? 'managed-control' : undefined}
                      aria-describedby={fromRoster ? `${id}-managed` : undefined}
                      value={chosen}
                      disabled={!loaded.view.canEdit || busy === person.userId || fromRoster}
                      onChange={(e) =>
                        void map(
                          person.userId,
                          e.target.value === BY_EMAIL ? null : e.target.value,
                          person.name,
                        )
                      }
                    >
                      <option value={BY_EMAIL}>
                        {person.match === 'email' && person.member
                          ? `${person.member.name} (${person.member.identifier}) — same email`
                          : 'No member with this email'}
                      </option>
                      {fromRoster && !listed && person.member && (
                        <option value={person.member.identifier}>{person.member.name}</option>
                      )}
                      {loaded.view.members.map((m) => (
                        <option key={m.identifier} value={m.identifier}>
                          {m.name} ({m.identifier})
                        </option>
                      ))}
                    </select>
                    {fromRoster && <ManagedBadge id={`${id}-managed`} />}
                    {person.match === 'none' && (
                      <span className="people-warning"> Cannot claim through ConnectWise</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
