import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock';
import type { CoreOptions } from '../core';
import { tempCore, tempDir } from './temp-core';

/**
 * A computer whose organization pushed a managed settings file: `start(file)` writes the file (an object
 * becomes JSON, a string is written as it is) and starts a core on this computer's data dir; `restart`
 * stops it and starts again (the file's changes apply at a start).
 */
export function managedComputer(
  options: { clock?: Clock; log?: (message: string) => void; startWorker?: CoreOptions['startWorker'] } = {},
) {
  const extra = {
    ...(options.log && { log: options.log }),
    ...(options.startWorker !== undefined && { startWorker: options.startWorker }),
  };
  const data = tempDir('baton-managed-data-');
  const files = tempDir('baton-managed-file-');
  const file = join(files.path, 'managed.json');
  let core: ReturnType<typeof tempCore> | null = null;
  const start = (content: unknown) => {
    if (content === undefined) {
      core = tempCore({ dataDir: data.path, clock: options.clock, ...extra });
      return core;
    }
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    core = tempCore({
      dataDir: data.path,
      clock: options.clock,
      managedSettings: { file, source: 'env' },
      ...extra,
    });
    return core;
  };
  return {
    file,
    start,
    /** Stops the running core and starts it again with this file (undefined: no managed file). */
    async restart(content: unknown) {
      await core?.close();
      return start(content);
    },
    async dispose() {
      await core?.close();
      data.remove();
      files.remove();
    },
  };
}
