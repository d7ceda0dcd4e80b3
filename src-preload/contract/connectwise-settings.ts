// Settings → ConnectWise: the connection, the status mapping, and who claims as which member.
import { z } from 'zod';
import { GUID, httpsOrLoopback, urlOrNull } from './fields';
import type { UserRole } from './people';

/** Bare host or URL; https, or plain http to this computer only (tests, loopback fakes). */
function cwSiteAllowed(value: string): boolean {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  const url = urlOrNull(withScheme);
  return url !== null && httpsOrLoopback(url);
}

const cwSecret = (what: string) => z.string().trim().max(200, `The ${what} is too long`).optional();

export const ConnectWiseConnectionInput = z.object({
  site: z
    .string()
    .trim()
    .min(1, 'Enter the ConnectWise site, like api-na.myconnectwise.net')
    .max(300)
    .refine(cwSiteAllowed, 'Enter the site as api-na.myconnectwise.net or an https:// address'),
  companyId: z.string().trim().min(1, 'Enter the company ID (the one you sign in with)').max(100),
  /** Empty = look it up at /login/companyinfo. */
  codebase: z
    .string()
    .trim()
    .max(100)
    .regex(/^\/?[\w.-]*\/?$/, 'The codebase looks like v4_6_release (leave it empty to look it up)')
    .optional(),
  clientId: z
    .string()
    .trim()
    .regex(GUID, 'The clientId is the GUID you registered at developer.connectwise.com'),
  /** New keys to store in the keychain; omitted or empty keeps the stored ones. */
  publicKey: cwSecret('public key'),
  privateKey: cwSecret('private key'),
  /** Remove both keys from the keychain. */
  clearKeys: z.boolean().optional(),
});

const cwStatusId = z.number().int().positive().nullable().optional();
/** The whole mapping is saved at once: an omitted/null status means "not configured". */
export const ConnectWiseStatusMappingInput = z.object({
  boardId: z.number().int().positive('Choose a service board'),
  resolved: cwStatusId,
  escalated: cwStatusId,
  claimed: cwStatusId,
  /** Let ConnectWise email the ticket's contact when a resolution note is posted (default on). */
  notifyContact: z.boolean().optional(),
});

export const ConnectWiseBoardInput = z.object({ boardId: z.number().int().positive() });

export const MAPPED_STATUSES = ['resolved', 'escalated', 'claimed'] as const;
export type MappedStatus = (typeof MAPPED_STATUSES)[number];

export interface ConnectWiseStatusRef {
  id: number;
  name: string;
}

export interface ConnectWiseSettingsView {
  site: string;
  companyId: string;
  /** '' = looked up from the site. */
  codebase: string;
  clientId: string;
  /** Whether the keys are in the keychain; the keys themselves never leave main. */
  hasPublicKey: boolean;
  hasPrivateKey: boolean;
  /** Site, company, clientId and both keys are there. */
  configured: boolean;
  boardId: number | null;
  statuses: Record<MappedStatus, ConnectWiseStatusRef | null>;
  /** Whether ConnectWise emails the ticket's contact when a resolution note is posted. */
  notifyContact: boolean;
  /** Only owners and admins change these. */
  canEdit: boolean;
  /** Fields set by the organization's managed settings file: shown locked, refused on save. */
  managed: ('site' | 'companyId' | 'codebase' | 'clientId' | 'boardId' | 'notifyContact' | MappedStatus)[];
}

/** Settings → ConnectWise → People: Baton's people beside ConnectWise's members (loaded live). */
export interface ConnectWisePeopleView {
  people: {
    userId: string;
    name: string;
    email: string;
    role: UserRole;
    /** Local profile (active) or a colleague known from team escalations. */
    active: boolean;
    /**
     * roster: the managed roster names the member (locked); manual: set by hand; email: the member with
     * the same email; none: claims cannot go through ConnectWise.
     */
    match: 'roster' | 'manual' | 'email' | 'none';
    member: { identifier: string; name: string } | null;
  }[];
  members: { identifier: string; name: string; email: string | null }[];
  canEdit: boolean;
}

export const ConnectWiseMemberMapInput = z.object({
  userId: z.uuid('Unknown person'),
  /** null: match by email again. */
  identifier: z
    .string()
    .trim()
    .min(1, 'Choose a member')
    .max(100, 'A member identifier is at most 100 characters')
    .nullable(),
});

/** One entry of a status dropdown (inactive statuses are left out). */
export interface ConnectWiseStatusOption extends ConnectWiseStatusRef {
  /** A ticket in this status is closed. */
  closed: boolean;
  isDefault: boolean;
}

export interface ConnectWiseBoardOption {
  id: number;
  name: string;
}

export interface ConnectWiseTestResult {
  ok: boolean;
  message: string;
  latencyMs: number;
}
