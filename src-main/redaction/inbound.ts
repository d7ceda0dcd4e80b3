// Free text a person types reaches the store with placeholders in place of secrets (issue 14). Messages
// are handled by the store itself, which seals what it withholds for "Show withheld" (repos/messages.ts);
// every other typed field is redacted here, at the IPC seam, before any service (and so any table, the
// search index, a drafted note or a job payload) sees it. What is withheld from these fields is not kept:
// a secret has no place in a fact, a step or a handoff reason, and the placeholder says one was there.
//
// inbound.test.ts walks every channel's input schema and fails on a string field that is in neither list
// below, so a new input cannot forget to say whether it is stored free text.
import type { Channel } from '../../src-preload/contract';
import { redact } from './redact';

/** Stored free text per channel: a field name, or `name[]` for an array of strings. */
export const STORED_TEXT_INPUTS: Partial<Record<Channel, readonly string[]>> = {
  'sessions:create': ['title'],
  'sessions:rename': ['title'],
  'sessions:request-escalation': ['reason'],
  'steps:add': ['text', 'options[]'],
  'steps:update': ['text', 'selectedOption', 'freeText'],
  'facts:add': ['text'],
  'facts:update': ['text'],
  'hypotheses:add': ['label'],
  'hypotheses:update': ['label', 'reason'],
  'handoffs:create': ['reason', 'notes'],
  'fixes:outcome': ['reason'],
  'notes:post': ['markdown', 'summary'],
};

/**
 * String inputs that are not stored free text, with the reason: sealed by the store instead, not stored
 * at all, or settings an admin enters (names, addresses, URLs; the settings refuse secrets themselves,
 * and API keys and webhook URLs go to the keychain).
 */
export const OTHER_STRING_INPUTS: Partial<Record<Channel, readonly string[]>> = {
  'messages:add': ['body'], // sealed by the store: repos/messages.ts
  'sessions:search': ['query'], // never stored
  'notes:check': ['markdown'], // never stored: shows what notes:post would store
  'sessions:list': ['before.id'], // a cursor (an id)
  'handoffs:list': ['cursor'], // a page cursor (numbers)
  'insights:report': ['range.from', 'range.to', 'timeZone', 'filters.domain'], // dates, a zone, a filter
  'settings:connectwise-map-member': ['identifier'], // a ConnectWise member identifier
  'profile:create': ['name'],
  'profile:add': ['name'],
  'settings:ai-save': ['baseUrl', 'model', 'apiKey'], // the key goes to the keychain
  'settings:ai-test': ['baseUrl', 'model', 'apiKey'],
  'settings:webhooks-save': ['teams', 'slack'], // keychain
  'settings:connectwise-save': ['site', 'codebase', 'companyId', 'clientId', 'publicKey', 'privateKey'],
  'settings:connectwise-test': ['site', 'codebase', 'companyId', 'clientId', 'publicKey', 'privateKey'],
  'settings:microsoft-save': ['authority', 'graphBaseUrl'],
  'settings:desktop-save': ['updateFeedUrl'],
  'startup:recover': ['backup'], // a backup's file name
  'settings:handoffs-save': [
    'ticketPrefix',
    'expertContacts.name',
    'expertContacts.email',
    'expertContacts.phone',
    'expertContacts.hours',
    'expertContacts.emergencyLine',
  ],
};

/** The channel's input with its stored free text redacted (a copy; the input is not changed). */
export function redactStoredText<T>(channel: string, input: T): T {
  const fields = STORED_TEXT_INPUTS[channel as Channel];
  if (!fields || input === null || typeof input !== 'object') return input;
  const out = { ...(input as Record<string, unknown>) };
  for (const field of fields) {
    const name = field.endsWith('[]') ? field.slice(0, -2) : field;
    const value = out[name];
    if (typeof value === 'string') out[name] = redact(value).text;
    else if (Array.isArray(value))
      out[name] = value.map((item: unknown) => (typeof item === 'string' ? redact(item).text : item));
  }
  return out as T;
}
