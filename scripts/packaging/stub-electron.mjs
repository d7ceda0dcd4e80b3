// A stand-in for the Electron distribution, for checking the packaged layout where the real one
// cannot be downloaded (this CI). electron-builder copies it like the real thing ("custom unpacked
// Electron distribution"), so the app.asar, the unpacked native modules and the afterPack hook are
// electron-builder's own output. The "binary" carries the fuse sentinel and Electron's default fuse
// wire, so @electron/fuses flips it exactly as it would the real one. It does not run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses' sentinel (constants.js), then wire version 1, the wire's length, the fuses. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults: RunAsNode, NodeOptions, inspect, file:// privileges and WASM traps on. */
export const ELECTRON_DEFAULT_WIRE = '101100011';

export function writeStubElectronDist(dir) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  for (const locale of ['en-US', 'en-GB', 'de', 'fr', 'es', 'nl', 'ja'])
    writeFileSync(join(dir, 'locales', `${locale}.pak`), '');
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stub Electron: not runnable" >&2; exit 1\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE),
    Buffer.alloc(64),
  ]);
  writeFileSync(join(dir, 'electron'), binary, { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'stub\n');
  return dir;
}
