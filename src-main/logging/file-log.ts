// Baton's log file: one rotating file (electron-log's file transport: at 5 MB main.log becomes
// main.old.log), in the OS's logs folder (Electron's app.getPath('logs')). Every line passes the same
// redaction as text leaving the machine, so a pasted password or token never reaches the disk in a log.
// Plain Node (electron-log/node), so the Electron host and tests share it.
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import type { LogMessage } from 'electron-log';
import { redact } from '../redaction';

export interface FileLog {
  info(message: string, ...context: unknown[]): void;
  warn(message: string, ...context: unknown[]): void;
  error(message: string, ...context: unknown[]): void;
  /** The current log file. */
  readonly file: string;
  readonly dir: string;
}

export const LOG_FILE = 'main.log';
export const LOG_MAX_BYTES = 5 * 1024 * 1024;

let instances = 0;

export function createFileLog(options: { dir: string; console?: boolean; maxBytes?: number }): FileLog {
  const file = join(options.dir, LOG_FILE);
  const log = electronLog.create({ logId: `baton-${++instances}` });
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  log.transports.console.level = options.console === false ? false : 'warn';
  log.hooks.push((message: LogMessage) => ({ ...message, data: message.data.map(redactValue) }));
  return {
    info: (message, ...context) => log.info(message, ...context),
    warn: (message, ...context) => log.warn(message, ...context),
    error: (message, ...context) => log.error(message, ...context),
    file,
    dir: options.dir,
  };
}

/** Strings and errors redacted; anything else as redacted JSON (never the raw object). */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redact(value).text;
  if (value instanceof Error) {
    const safe = new Error(redact(value.message).text);
    safe.name = value.name;
    safe.stack = value.stack ? redact(value.stack).text : undefined;
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string') Object.assign(safe, { code });
    return safe;
  }
  if (value === null || value === undefined || typeof value !== 'object') return value;
  try {
    return redact(JSON.stringify(value)).text;
  } catch {
    return '[unserialisable]';
  }
}
