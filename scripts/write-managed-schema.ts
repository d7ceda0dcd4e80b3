// `npm run managed-schema`: writes resources/managed-settings.schema.json from the zod schema. The
// schema-file test fails whenever the committed file and the zod schema differ, so they cannot drift.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { managedSettingsJsonSchema } from '../src-main/managed/managed-schema';

export const SCHEMA_FILE = join(import.meta.dirname, '..', 'resources', 'managed-settings.schema.json');

/** The file's exact text, formatted as the repository's prettier check expects. */
export async function schemaText(): Promise<string> {
  const options = (await resolveConfig(SCHEMA_FILE)) ?? {};
  return format(JSON.stringify(managedSettingsJsonSchema()), { ...options, parser: 'json' });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, await schemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
