// The placeholders a text carries, as the review beside a note shows them ("3 secrets withheld"): what
// the note will say in their place is exactly what is posted.
import type { Withheld } from '../../src-preload/contract';
import type { SecretKind } from './types';
import { KIND_INFO } from './types';

const PLACEHOLDER = /\[REDACTED:([a-z_]+)\]/g;

export function placeholdersIn(text: string): Withheld[] {
  return [...text.matchAll(PLACEHOLDER)].flatMap((m) => {
    const info = KIND_INFO[m[1] as SecretKind] as (typeof KIND_INFO)[SecretKind] | undefined;
    return info ? [{ kind: m[1]!, label: info.label, preview: 'withheld' }] : [];
  });
}
