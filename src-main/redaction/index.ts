export { redact, summarizeFindings } from './redact';
export type { Finding, Redaction, SecretKind } from './types';
export { KIND_INFO } from './types';
