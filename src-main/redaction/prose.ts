// Passwords written as technicians write them in a sentence (issue 14): "the local admin password is
// Winter2026!x", "temp password Tmp-4821-Xq", "pw is …", "reset her password and changed it to …",
// "creds: admin / P@ssw0rd1", "Enter the password for CONTOSO\admin: …". A value counts only when it looks
// chosen (letters mixed with digits or symbols, or inner capitals): "the password is expired", "password is
// 14 characters" and "changed it to the default" stay.
import { plausiblePassword } from './classify';
import type { Rule } from './rule';
import { lineAt, patternRule } from './rule';

const re = (source: string, flags = 'dgi') => new RegExp(source, flags);
const DQ = String.raw`"([^"\r\n]{1,256})"`;
const SQ = String.raw`'([^'\r\n]{1,256})'`;
const BQ = String.raw`\x60([^\x60\r\n]{1,256})\x60`;
// Quoted three ways, or one bare word (groups 1–4).
const VALUE = String.raw`(?:${DQ}|${SQ}|${BQ}|([^\s"'\x60]{4,128}))`;
const GROUPS = [1, 2, 3, 4];
// Codes and numbers that follow "password is" in support text without being one.
const NOT_A_PASSWORD =
  /^(?:0x[0-9a-f]+|KB\d+|v?\d+(?:[.:/-]\d+)+\w*|\d+(?:st|nd|rd|th)?|https?:\/\/\S*|[\w.-]+@[\w.-]+\.\w+|\d+(?:chars?|characters|digits|min|mins|days|hours|h|d)|[A-Z][a-z]+\.?)$/i;
// Words the value may be in support text: a status, an article, a pronoun.
const NOT_A_VALUE =
  /^(?:the|a|an|it|its|this|that|same|default|blank|empty|expired|correct|wrong|right|ok|fine|valid|invalid|unknown|required|missing|set|reset|changed|known|temporary|new|old|complex|strong|weak|stored|saved|cached|synced|locked|disabled|enabled|never|something|what|whatever|yours|mine|his|hers|theirs)$/i;

const PASSWORD_WORD = String.raw`(?:pass(?:word|code|phrase|wd)?|pwd|pw|wi-?fi[ \t]+(?:key|password|pass)|pin[ \t]+code)`;

/** The value as written (bare values lose trailing punctuation), or null when it does not look chosen. */
function chosen(value: string, bare: boolean): string | null {
  // A sentence's full stop or comma is not part of a bare value; "!" often is.
  const v = bare ? value.replace(/[.,;:)]+$/, '') : value;
  if (v.length < 4 || !plausiblePassword(v) || NOT_A_PASSWORD.test(v) || NOT_A_VALUE.test(v)) return null;
  // A bare word needs a digit, a symbol other than - or ', or inner capitals ("GuestWifi").
  if (bare && !(/[A-Za-z]/.test(v) && /\d|[^\w\s'-]|[a-z][A-Z]/.test(v))) return null;
  return v;
}

function proseRule(
  source: string,
  needles: string[],
  label = 'Password (in a sentence)',
  context?: RegExp,
): Rule {
  return patternRule({
    re: re(source),
    needles,
    priority: 45,
    groups: GROUPS,
    judge: (value, m, text, start) => {
      if (context && !context.test(text.slice(Math.max(0, start - 160), start))) return null;
      const v = chosen(value, m[4] !== undefined);
      return v === null ? null : { kind: 'password', label, end: start + v.length };
    },
  });
}

export const PROSE_RULES: readonly Rule[] = [
  // "the new password is X", "DefaultPassword was X", "password has been reset to X", "pw is X", "password for
  // svc_backup is X", "the Wi-Fi password is now X", "passcode: is X"
  proseRule(
    String.raw`(?:\b|(?<=[a-z]))${PASSWORD_WORD}(?:[ \t]+(?:for|of|on)[ \t]+[^\s:]{1,60}(?:[ \t]+account)?)?[ \t]+(?:(?:is|was|has[ \t]+been|have[ \t]+been|will[ \t]+be|now|are)[ \t]+)?(?:(?:set|changed|reset|updated)[ \t]+to|is|was|to|now|are|=)[ \t]*:?[ \t]*(?:now[ \t]+)?${VALUE}`,
    ['pass', 'pw', 'key', 'pin'],
  ),
  // "temp password Winter2026!x", "new pw: X", "local admin password X", "guest wifi password X"
  proseRule(
    String.raw`\b(?:temp(?:orary)?|new|initial|default|one-?time|local[ \t]+admin|admin(?:istrator)?|root|guest|service[ \t]+account|svc|user'?s?|his|her|their|my)[ \t]+(?:wi-?fi[ \t]+)?(?:pass(?:word|code)?|pwd|pw)[ \t]*[:=-]?[ \t]+${VALUE}`,
    ['pass', 'pw'],
  ),
  // "changed it to X", "reset it to X", "set it to X" — only right after a password is mentioned.
  proseRule(
    String.raw`\b(?:changed|reset|set|updated)[ \t]+(?:it|that|them)[ \t]+(?:back[ \t]+)?to[ \t]*:?[ \t]+${VALUE}`,
    ['changed', 'reset', 'set', 'updated'],
    'Password (in a sentence)',
    /\b(?:pass(?:word|code|phrase)?|pwd|pw|creds?|credentials|login|logon|psk|wi-?fi)\b/i,
  ),
  // "creds: admin / P@ssw0rd1", "login for the EWS is admin/Xerox!7845", "credentials are svc_scan:Sc4n!2026"
  patternRule({
    re: re(
      String.raw`\b(?:creds?|credentials|login|logon|sign-?in)\b[^\r\n:=]{0,60}?(?:\bare\b|\bis\b|:|=)[ \t]*(?:user(?:name)?[ \t]*[:=]?[ \t]*)?[\w.@\\-]{1,64}[ \t]*(?:/|:|\\|,|[ \t]+(?:pass(?:word)?|pw|pwd|p)[ \t]*[:=]?)[ \t]*${VALUE}`,
    ),
    needles: ['cred', 'login', 'logon', 'sign'],
    priority: 44,
    groups: GROUPS,
    judge: (value, m, _text, start) => {
      const v = chosen(value, m[4] !== undefined);
      return v === null ? null : { kind: 'password', label: 'Password (credentials)', end: start + v.length };
    },
  }),
  // A prompt with the answer typed after it: "Enter the password for CONTOSO\admin: P@ss", "Password for
  // user root: X", "Type the password for the account: X".
  patternRule({
    re: re(
      String.raw`(?:^[ \t]*|\b(?:enter|type|use|new)[ \t]+(?:the[ \t]+|your[ \t]+|a[ \t]+|new[ \t]+)?)password(?:[ \t]+for[ \t]+[^:\r\n]{1,80})?[ \t]*:[ \t]*${VALUE}[ \t]*$`,
      'dgim',
    ),
    needles: ['password'],
    priority: 46,
    groups: GROUPS,
    judge: (value, m, text, start) => {
      const v = chosen(value, m[4] !== undefined);
      if (v === null || /\bto continue\b/i.test(lineAt(text, start))) return null;
      return { kind: 'password', label: 'Password (typed at a prompt)', end: start + v.length };
    },
  }),
];
