// Reading drafted markdown in the drafter tests (imported only by *.test.ts).
import { OFFLINE_LABEL } from './types';

export const LABEL_LINE = `_${OFFLINE_LABEL}_`;

/** Every heading line, in order. */
export function headings(markdown: string): string[] {
  return markdown.split('\n').filter((line) => /^#{1,6}\s/.test(line));
}

/** The text of one section, from its heading to the next heading or the label line. */
export function sectionOf(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`missing ${heading} in:\n${markdown}`);
  const rest = markdown.slice(start + heading.length + 1);
  const end = rest.search(/^(## |_Drafted offline)/m);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

/** The top-level bullets of a section, without their "- ". */
export function bulletsOf(section: string): string[] {
  return section
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));
}
