// Help → "Export logs for support": a zip of the log files and the versions of everything (app, Electron,
// Chromium, Node, OS, schema). The logs were redacted when written; they are redacted again here, since
// an older Baton (or a crash dump) may have written a line that did not pass the filter.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { redact } from '../redaction';

export interface SupportBundleInput {
  logsDir: string;
  target: string;
  versions: Record<string, string | number>;
  now: Date;
}

export function writeSupportBundle(input: SupportBundleInput): { file: string; logs: string[] } {
  const logs = readdirSync(input.logsDir)
    .filter((name) => name.endsWith('.log'))
    .sort();
  const files: Record<string, Uint8Array> = {
    'versions.json': strToU8(
      `${JSON.stringify({ exportedAt: input.now.toISOString(), ...input.versions }, null, 2)}\n`,
    ),
  };
  for (const name of logs)
    files[`logs/${name}`] = strToU8(redact(readFileSync(join(input.logsDir, name), 'utf8')).text);
  writeFileSync(input.target, zipSync(files, { level: 6 }));
  return { file: input.target, logs };
}

export function supportBundleName(now: Date): string {
  return `baton-logs-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.zip`;
}
