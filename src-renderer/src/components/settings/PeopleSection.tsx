import type { PeopleView } from '../../../../src-preload/contract';
import { baton } from '../../api/client';
import { ManagedBadge } from './Field';
import { SectionLoader } from './SectionLoader';
import { useReadOnce } from './useReadOnce';
import '../../managed.css';

const readPeople = () => baton().settings['people-get']();

const ROLE: Record<string, string> = {
  owner: 'Owner',
  admin: 'Admin',
  engineer: 'Engineer',
  technician: 'Technician',
};

const MEMBER_FROM: Record<'roster' | 'manual' | 'email', string> = {
  roster: 'from the roster',
  manual: 'chosen by hand',
  email: 'matched by email',
};

/**
 * Settings → People (issue 17): the team roster from the managed settings file, or this computer's
 * profiles when there is none; each person's role, whether they have a profile here, and the ConnectWise
 * member they claim as. Read only: the roster is changed in the file, the rest in ConnectWise → People.
 */
export function PeopleSection() {
  const { value, failure, retry } = useReadOnce(readPeople);
  return (
    <SectionLoader value={value} failure={failure} what="the people" retry={retry}>
      {(view) => <PeopleTable view={view} />}
    </SectionLoader>
  );
}

function PeopleTable({ view }: { view: PeopleView }) {
  return (
    <div className="people-view">
      {view.rosterFile ? (
        <p className="managed-note" role="note">
          <ManagedBadge /> From your organization&apos;s team roster in{' '}
          <span className="managed-file">{view.rosterFile}</span>. Roles and ConnectWise members come from it;
          a profile whose email is not on it cannot be used on this computer.
        </p>
      ) : (
        <p className="muted">
          No team roster: roles are decided on this computer (the first profile is its owner; owners and
          admins add people). ConnectWise members are matched by email, or chosen in ConnectWise → People.
        </p>
      )}
      <table
        className="people-table"
        aria-label={view.rosterFile ? 'Team roster' : 'Profiles on this computer'}
      >
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">On this computer</th>
            <th scope="col">ConnectWise member</th>
          </tr>
        </thead>
        <tbody>
          {view.people.map((person) => (
            <tr key={person.email}>
              <th scope="row">
                <span className="person-name">{person.name}</span>
                <span className="muted person-email">{person.email}</span>
              </th>
              <td>{ROLE[person.role] ?? person.role}</td>
              <td>
                {person.source === 'not-on-roster' ? (
                  <span className="people-set-aside">Not on the roster: cannot be used</span>
                ) : person.profile?.current ? (
                  'You'
                ) : person.profile ? (
                  'Has a profile'
                ) : (
                  <span className="muted">No profile yet</span>
                )}
              </td>
              <td>
                {person.member ? (
                  <>
                    {person.member.identifier}
                    <span className="people-source">{MEMBER_FROM[person.member.from]}</span>
                  </>
                ) : person.source === 'not-on-roster' ? (
                  <span className="muted">—</span>
                ) : (
                  <span className="muted">Matched by email when they first claim</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
