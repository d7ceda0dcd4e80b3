// What the start-up screen says about a store Baton could not open, in plain words: what was found,
// that nothing was changed, and what each choice does.
import { dirname } from 'node:path';
import type { StoreProblem } from '../../src-preload/contract';

type Versions = { schemaVersion?: number; knownSchema?: number };

export function describeProblem(
  problem: { kind: StoreProblem; reason: string; state?: object },
  file: string,
): { title: string; explanation: string } {
  const untouched = 'Baton has not changed it.';
  const choices =
    'You can restore a backup (whatever was done after it was taken is lost) or start fresh with empty data. ' +
    'Either way the current file is kept next to it, renamed with ".damaged-" and the date, in case someone can ' +
    'rescue what is in it.';
  switch (problem.kind) {
    case 'damaged':
      return {
        title: "Baton's data file is damaged",
        explanation: `Baton could not read its data file: ${problem.reason}. ${untouched} ${choices}`,
      };
    case 'empty':
      return {
        title: "Baton's data file is empty",
        explanation:
          `The data file is there but holds nothing (${problem.reason}), so this is not a first start: the file ` +
          `may have been cut off when the computer lost power or the disk was full. ${untouched} ${choices}`,
      };
    case 'foreign':
      return {
        title: 'This data file belongs to another program',
        explanation:
          `The file where Baton keeps its data is not Baton's: ${problem.reason}. Baton did not change it and ` +
          `will not use it. Move that file out of ${dirname(file)}, or start Baton with BATON_DATA_DIR set to ` +
          'another folder, then choose Check again.',
      };
    case 'newer': {
      const versions = (problem.state ?? {}) as Versions;
      return {
        title: 'This data was written by a newer version of Baton',
        explanation:
          `The data file (schema ${versions.schemaVersion ?? '?'}) comes from a newer Baton than this one ` +
          `(schema ${versions.knownSchema ?? '?'}), which cannot read it safely. ${untouched} Install the newer ` +
          'Baton again (or point BATON_DATA_DIR at another folder), then choose Check again.',
      };
    }
    case 'unreadable':
      return {
        title: 'Baton cannot read its data file',
        explanation:
          `${problem.reason}. ${untouched} Check that your account may read and write ${dirname(file)}, ` +
          'then choose Check again.',
      };
    case 'backup-failed':
      return {
        title: 'Baton could not back up your data before updating it',
        explanation:
          `This version of Baton updates the data file's layout, and it always takes a backup first; that backup ` +
          `failed: ${problem.reason}. Nothing was changed. Free some disk space in ${dirname(file)} and choose ` +
          'Check again.',
      };
  }
}
