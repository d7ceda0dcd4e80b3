// Inputs and views of Settings → ConnectWise. Imports nothing but zod, so the IPC contract (shared with
// the renderer) can use these without pulling main-process code in.
import { z } from 'zod';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Bare host or URL; https, or plain http to this computer only (tests, loopback fakes). */
function siteAllowed(value: string): boolean {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  if (!URL.canParse(withScheme)) return false;
  const url = new URL(withScheme);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
}

const secret = (what: string) => z.string().trim().max(200, `The ${what} is too long`).optional();

export const ConnectWiseConnectionInput = z.object({
  site: z
    .string()
    .trim()
    .min(1, 'Enter the ConnectWise site, like api-na.myconnectwise.net')
    .max(300)
    .refine(siteAllowed, 'Enter the site as api-na.myconnectwise.net or an https:// address'),
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
  publicKey: secret('public key'),
  privateKey: secret('private key'),
  /** Remove both keys from the keychain. */
  clearKeys: z.boolean().optional(),
});
export type ConnectWiseConnectionInput = z.output<typeof ConnectWiseConnectionInput>;

const statusId = z.number().int().positive().nullable().optional();
/** The whole mapping is saved at once: an omitted/null status means "not configured". */
export const ConnectWiseStatusMappingInput = z.object({
  boardId: z.number().int().positive('Choose a service board'),
  resolved: statusId,
  escalated: statusId,
  claimed: statusId,
});
export type ConnectWiseStatusMappingInput = z.output<typeof ConnectWiseStatusMappingInput>;

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
  /** Only owners and admins change these. */
  canEdit: boolean;
}

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
