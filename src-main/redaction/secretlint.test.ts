// A second opinion on the corpus (issue 14): secretlint's recommended preset. Whatever it finds in what a
// technician pastes, our pass must withhold; after our pass it must find nothing; every vendor token in the
// corpus is one it recognises too (so the fakes have the real formats); and it finds nothing in the
// look-alikes that we leave whole (where it does, the sample is not a fair look-alike).
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { INNOCENT_SAMPLES, SECRET_SAMPLES } from './corpus';
import { VENDOR_SECRETS } from './corpus/secrets-vendor';
import { findSecrets, redact } from './redact';

async function secretlint(content: string): Promise<{ rule: string; range: readonly [number, number] }[]> {
  const result = await lintSource({
    source: { filePath: '/paste.txt', content, contentType: 'text', ext: '.txt' },
    options: {
      config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] },
    },
  });
  return result.messages.map((m) => ({ rule: m.ruleId, range: m.range }));
}

// Rules whose verdict is about the file rather than a value in it.
const FILE_RULES = new Set([
  '@secretlint/secretlint-rule-no-dotenv',
  '@secretlint/secretlint-rule-no-homedir',
]);

describe("secretlint's recommended preset as a second opinion", () => {
  it('everything it finds in the corpus, we withhold; after us it finds nothing', async () => {
    const missed: string[] = [];
    const left: string[] = [];
    for (const sample of SECRET_SAMPLES) {
      const spans = findSecrets(sample.text);
      for (const m of await secretlint(sample.text)) {
        if (FILE_RULES.has(m.rule)) continue;
        const [from, to] = m.range;
        // Its range may include context (a URL's user, a header name): it is covered when the secret
        // part of it — every span of ours inside it — is withheld, and at least one is.
        const inside = spans.filter((s) => s.start < to && s.end > from);
        if (inside.length === 0) missed.push(`${sample.name}: ${m.rule} ${sample.text.slice(from, to)}`);
      }
      // Its connection-string rule still reports `user:[REDACTED:…]@host` (it reads our placeholder as a
      // password); a range whose secret part is our placeholder is not a secret left behind.
      const redacted = redact(sample.text).text;
      for (const m of await secretlint(redacted))
        if (!FILE_RULES.has(m.rule) && !redacted.slice(...m.range).includes('[REDACTED:'))
          left.push(`${sample.name}: ${m.rule} ${redacted.slice(...m.range)}`);
    }
    expect(missed).toEqual([]);
    expect(left).toEqual([]);
  });

  it('recognises the vendor tokens of the corpus that its rules cover', async () => {
    const covered = [
      'Docker Hub PAT login',
      'Shopify admin token',
      'Linear API key header',
      'Groq API key',
      'Vault service token',
      'Tailscale auth key',
      'Grafana service account token',
      'Databricks token',
      'Figma token',
      'Notion integration token',
      'Cloudflare user API token',
      'Vercel token',
      'Hugging Face token',
      'npm token in .npmrc',
      'GitLab PAT',
      'GitHub fine-grained PAT in chat',
      'OpenAI project key (current format)',
      'SendGrid key in a relay config',
      'Anthropic key in chat',
      'Stripe restricted key',
      'Slack incoming webhook',
    ];
    const unseen: string[] = [];
    for (const name of covered) {
      const sample = VENDOR_SECRETS.find((s) => s.name === name);
      expect(sample, name).toBeDefined();
      if ((await secretlint(sample!.text)).filter((m) => !FILE_RULES.has(m.rule)).length === 0)
        unseen.push(name);
    }
    expect(unseen).toEqual([]);
  });

  it('finds nothing in the look-alikes', async () => {
    const found: string[] = [];
    for (const sample of INNOCENT_SAMPLES)
      for (const m of await secretlint(sample.text))
        if (!FILE_RULES.has(m.rule)) found.push(`${sample.name}: ${m.rule}`);
    expect(found).toEqual([]);
  });
});
