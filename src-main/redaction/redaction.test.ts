import { describe, expect, it } from 'vitest';
import { INNOCENT_SAMPLES, SECRET_SAMPLES, fake } from './corpus';
import { redactInChunks } from './chunked';
import { redact, summarizeFindings } from './index';
import type { Finding } from './types';

function expectWellFormed(original: string, findings: Finding[]): void {
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (!f) continue;
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(original.length);
    const next = findings[i + 1];
    if (next) expect(next.start).toBeGreaterThanOrEqual(f.end);
  }
}

describe('redact: secret-bearing corpus', () => {
  it('has at least 150 samples', () => expect(SECRET_SAMPLES.length).toBeGreaterThanOrEqual(150));

  it.each(SECRET_SAMPLES.map((s) => [s.name, s] as const))('%s', (_name, sample) => {
    const { text, findings } = redact(sample.text);
    for (const secret of sample.secrets) {
      expect(text).not.toContain(secret.value);
      const covering = findings.find((f) => sample.text.slice(f.start, f.end).includes(secret.value));
      expect(covering?.kind, `kind for ${secret.value.slice(0, 12)}…`).toBe(secret.kind);
      expect(text).toContain(`[REDACTED:${secret.kind}]`);
    }
    for (const context of sample.keep) expect(text).toContain(context);
    expect(findings).toHaveLength(sample.secrets.length);
    expectWellFormed(sample.text, findings);
  });

  it('never shows a whole secret in a preview, and labels every finding', () => {
    for (const sample of SECRET_SAMPLES) {
      for (const f of redact(sample.text).findings) {
        const secret = sample.text.slice(f.start, f.end);
        expect(f.preview).not.toContain(secret);
        expect(f.preview).toMatch(new RegExp(`… \\(${Array.from(secret).length} chars\\)$`));
        expect(f.label.length).toBeGreaterThan(0);
      }
    }
  });

  it('is idempotent: redacted text has nothing left to redact', () => {
    for (const sample of SECRET_SAMPLES) {
      const once = redact(sample.text);
      const twice = redact(once.text);
      expect(twice.findings, sample.name).toEqual([]);
      expect(twice.text).toBe(once.text);
    }
  });
});

describe('redact: innocent look-alikes', () => {
  it('has at least 150 samples', () => expect(INNOCENT_SAMPLES.length).toBeGreaterThanOrEqual(150));

  it.each(INNOCENT_SAMPLES.map((s) => [s.name, s] as const))('%s', (_name, sample) => {
    const result = redact(sample.text);
    expect(result.findings).toEqual([]);
    expect(result.text).toBe(sample.text);
  });
});

describe('redact: several secrets in one text', () => {
  const text = [
    'Server=sql01;User Id=sa;Password=Sa!2026pw;',
    'curl -H "Authorization: Bearer 0a1b2c3d4e5f60718293a4b5c6d7e8f9" https://psa.example/api',
    'password: hunter2hunter2',
    'net user kiosk K1osk!2026 /add',
  ].join('\n');

  it('reports ordered, non-overlapping findings at the original offsets and rewrites only them', () => {
    const { text: out, findings } = redact(text);
    expect(findings.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['connection_string', 'Sa!2026pw'],
      ['bearer', '0a1b2c3d4e5f60718293a4b5c6d7e8f9'],
      ['password', 'hunter2hunter2'],
      ['password', 'K1osk!2026'],
    ]);
    expectWellFormed(text, findings);
    expect(out).toBe(
      [
        'Server=sql01;User Id=sa;Password=[REDACTED:connection_string];',
        'curl -H "Authorization: Bearer [REDACTED:bearer]" https://psa.example/api',
        'password: [REDACTED:password]',
        'net user kiosk [REDACTED:password] /add',
      ].join('\n'),
    );
  });

  it('summarizes by kind', () => {
    const { findings } = redact(text);
    expect(summarizeFindings(findings)).toBe(
      '4 secrets withheld (connection string, bearer token, password)',
    );
    expect(summarizeFindings(redact('pwd=Xy9!abc').findings)).toBe('1 secret withheld (password)');
    expect(summarizeFindings([])).toBe('');
  });

  it('prefers the precise token kind over the context around it', () => {
    const key = fake(['sk', '-proj-'].join(''), 60, 99);
    const { findings } = redact(`api_key=${key}`);
    expect(findings.map((f) => f.kind)).toEqual(['openai_key']);
  });

  it('hides a truncated private key up to the first line that is not key material', () => {
    const body = fake('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 40, 5);
    const { text: out, findings } = redact(
      `-----BEGIN PRIVATE KEY-----\n${body}\n${body}\n(paste cut off here)\nthanks`,
    );
    expect(findings.map((f) => f.kind)).toEqual(['private_key']);
    expect(out).toBe('-----BEGIN PRIVATE KEY-----\n[REDACTED:private_key]\n(paste cut off here)\nthanks');
  });

  it('handles empty text and text without secrets cheaply', () => {
    expect(redact('')).toEqual({ text: '', findings: [] });
    expect(redact('all good')).toEqual({ text: 'all good', findings: [] });
  });
});

// Timing is measured in `npm run bench` (redaction.*); here only that adversarial input finishes (a
// catastrophic backtrack would hang past the test timeout) and that a big log is redacted correctly.
describe('redact: large and adversarial input', () => {
  it('redacts the secrets of a 200 KB log and nothing else', () => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 200_000; i++) {
      const line =
        i % 500 === 250
          ? `2026-11-28 09:00:00 WARN retry with password=Retry!${i} token=${fake('', 32, i)}`
          : `2026-11-28 09:${String(i % 60).padStart(2, '0')}:03 INFO [Agent] device=PC-${i} ip=10.0.${i % 255}.${i % 200} status=ok latency=${i % 97}ms kb=KB5034441 err=0x80070005`;
      lines.push(line);
      size += line.length + 1;
    }
    const result = redact(lines.join('\n'));
    expect(result.findings.length).toBe(lines.filter((l) => l.includes('WARN')).length * 2);
    expect(result.findings.every((f) => f.kind === 'password' || f.kind === 'token')).toBe(true);
  });

  it.each([
    ['"password=" repeated', 'password='.repeat(100_000)],
    ['"key=" repeated', 'key='.repeat(100_000)],
    ['"password: " repeated', 'password: '.repeat(100_000)],
    ['"Password " repeated', 'Password '.repeat(100_000)],
    [
      'base64-ish run',
      fake('', 1_000_000, 7, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'),
    ],
    ['token chars with dashes', 'eyJ'.repeat(50_000) + '.' + 'a-b_'.repeat(50_000)],
    ['digit groups', '123456-'.repeat(100_000)],
    ['URL userinfo without @', 'https://user:' + 'p'.repeat(200_000)],
    ['ConnectWise-like', 'a+b:'.repeat(100_000)],
    ['XML-ish', '<password>'.repeat(100_000)],
    ['Authorization repeated', 'Authorization: '.repeat(50_000)],
    ['BEGIN without END repeated', '-----BEGIN PRIVATE KEY-----'.repeat(40_000)],
    ['net user repeated on one line', '> net user bob '.repeat(60_000)],
    ['escaped quotes repeated', 'pw \\"'.repeat(100_000)],
    ['backslashes repeated', '\\'.repeat(200_000)],
  ])('finishes on adversarial input: %s', (_name, input) => {
    const { text } = redact(input);
    expect(text.length).toBeGreaterThan(0);
  });
});

describe('redaction a window at a time', () => {
  it('finds exactly what one pass finds, secrets across window edges included', async () => {
    const corpus = SECRET_SAMPLES.map((s) => s.text).join('\n\n');
    const big = Array.from({ length: 6 }, () => corpus).join('\n');
    let pauses = 0;
    const windows = await redactInChunks(big, { chunk: 1_500, pause: () => Promise.resolve(void pauses++) });
    expect(windows).toEqual(redact(big));
    expect(pauses).toBeGreaterThan(big.length / 1_500 / 2);
  });
});
