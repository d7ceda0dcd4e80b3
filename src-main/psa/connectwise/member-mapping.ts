// Settings → ConnectWise → People (DESIGN §3 PSA member mapping): Baton's people beside ConnectWise's
// members, loaded live. A person maps to the member with the same email, or to the member an owner or
// admin chose by hand (kept even when the emails differ). A claim through ConnectWise needs the mapping:
// without it the senior is told why and who can set it.
import type { z } from 'zod';
import type { ConnectWiseMemberMapInput, ConnectWisePeopleView, User } from '../../../src-preload/contract';
import { isAdmin } from '../../../src-preload/contract';
import type { Clock } from '../../clock';
import { AppError, notFound } from '../../errors';
import type { Db } from '../../store/database';
import { inTransaction } from '../../store/database';
import { appendAudit } from '../../store/repos/audit-log';
import { getUser, listMemberMappings, listUsers, setMemberMapping } from '../../store/repos/users';
import type { ConnectWiseClient } from './client';
import { interactive } from './errors';
import type { CwMember } from './wire';
import type { ManagedSettings } from '../../managed/managed-settings';
import { noManagedSettings } from '../../managed/managed-settings';

const memberName = (m: CwMember) => [m.firstName, m.lastName].filter(Boolean).join(' ') || m.identifier;
const lower = (s: string | null | undefined) => s?.trim().toLowerCase() ?? '';

export function createMemberMapping(deps: {
  db: Db;
  clock: Clock;
  client: () => Promise<ConnectWiseClient>;
  /** With a managed roster, its member identifiers are the mapping (issue 17). */
  managed?: ManagedSettings;
}) {
  const { db, clock } = deps;
  const managed = deps.managed ?? noManagedSettings();
  const rosterMember = (email: string) => managed.rosterEntry(email)?.connectwiseMember;

  async function view(actor: User): Promise<ConnectWisePeopleView> {
    const members = await interactive(async () => (await deps.client()).listMembers());
    const byEmail = new Map(members.filter((m) => m.officeEmail).map((m) => [lower(m.officeEmail), m]));
    const byIdentifier = new Map(members.map((m) => [lower(m.identifier), m]));
    const mappings = new Map(listMemberMappings(db).map((m) => [m.userId, m]));
    return {
      people: listUsers(db).map((user) => {
        const mapping = mappings.get(user.id);
        const fromRoster = rosterMember(user.email);
        // The roster's member wins over a hand-made choice and over matching by email.
        const chosen = fromRoster ?? (mapping?.manual ? mapping.identifier : null);
        const manual = chosen ? byIdentifier.get(lower(chosen)) : undefined;
        const matched = manual ?? (fromRoster ? undefined : byEmail.get(lower(user.email)));
        return {
          userId: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          active: user.active,
          match: fromRoster ? 'roster' : manual ? 'manual' : matched ? 'email' : 'none',
          member: matched
            ? { identifier: matched.identifier, name: memberName(matched) }
            : chosen
              ? { identifier: chosen, name: `${chosen} (not found in ConnectWise)` }
              : null,
        };
      }),
      members: members
        .map((m) => ({ identifier: m.identifier, name: memberName(m), email: m.officeEmail ?? null }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      canEdit: isAdmin(actor.role),
    };
  }

  async function map(
    actor: User,
    input: z.output<typeof ConnectWiseMemberMapInput>,
  ): Promise<ConnectWisePeopleView> {
    if (!isAdmin(actor.role))
      throw new AppError('FORBIDDEN', 'Only an owner or admin maps people to ConnectWise members');
    const person = getUser(db, input.userId);
    if (!person) throw notFound('Person', input.userId);
    if (rosterMember(person.email))
      throw new AppError(
        'FORBIDDEN',
        `${person.name}'s ConnectWise member comes from your organization's team roster${managed.file ? ` (${managed.file})` : ''} and cannot be changed here`,
        { managed: ['roster'], file: managed.file },
      );
    if (input.identifier !== null) {
      const members = await interactive(async () => (await deps.client()).listMembers());
      const member = members.find((m) => lower(m.identifier) === lower(input.identifier));
      if (!member)
        throw new AppError('VALIDATION', `ConnectWise has no active member "${input.identifier}"`, {
          fields: [{ path: 'identifier', message: `ConnectWise has no active member "${input.identifier}"` }],
        });
      input = { ...input, identifier: member.identifier };
    }
    const now = clock.now();
    inTransaction(db, () => {
      setMemberMapping(db, person.id, input.identifier, now);
      appendAudit(
        db,
        {
          actorId: actor.id,
          action: 'settings.connectwise.member',
          entityType: 'user',
          entityId: person.id,
          details: { member: input.identifier, by: input.identifier === null ? 'email' : 'hand' },
        },
        now,
      );
    });
    return view(actor);
  }

  return { view, map };
}

export type MemberMapping = ReturnType<typeof createMemberMapping>;
