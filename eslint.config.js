import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net'];

// The contract is one entry (src-preload/contract.ts) over its domain files (src-preload/contract/*):
// everyone else imports the entry, so the files behind it can move without touching a caller.
const contractFiles = ['src-preload/contract.ts', 'src-preload/contract/**/*.ts'];
const contractEntryOnly = {
  group: ['**/src-preload/contract/**'],
  message: 'Import the contract from src-preload/contract, not from the files behind it.',
};

// Process boundaries (DESIGN §1): only src-main/electron/** and the entry import electron; the renderer
// talks only to window.baton through the contract; the shared contract stays free of Node and Electron.
const noElectron = {
  name: 'electron',
  message: 'Only src-main/electron/** and src-main/index.ts import electron.',
};
const mainPaths = [
  noElectron,
  {
    name: 'date-fns',
    message:
      'Main loads its dependencies unbundled: import one function (date-fns/format), not the whole library (seconds at start-up).',
  },
];
const mainPatterns = [
  { group: ['**/src-renderer/**'], message: 'Main never imports the renderer.' },
  contractEntryOnly,
];

// SQL lives in src-main/store/ only: one repository per table (store/repos/<table>.ts) of small (db, …)
// functions. Tests and test-support may seed and inspect the store directly.
const sqlMessage = 'SQL lives in src-main/store/ (a function in store/repos/<table>.ts).';
const sqlPaths = [
  { name: 'drizzle-orm', message: sqlMessage },
  { name: 'better-sqlite3', message: sqlMessage },
];
const sqlPatterns = [{ group: ['drizzle-orm/*', '**/store/schema'], message: sqlMessage }];
const outsideStoreExemptions = ['src-main/store/**', 'src-main/**/*.test.ts', 'src-main/test-support/**'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'drizzle/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src-main/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src-main/**/*.ts', ...contractFiles, 'src-preload/api.ts', 'bench/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: mainPaths, patterns: mainPatterns }],
    },
  },
  // A later block's options replace an earlier one's for the same rule: these repeat main's restrictions.
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/index.ts', ...outsideStoreExemptions],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...mainPaths, ...sqlPaths], patterns: [...mainPatterns, ...sqlPatterns] },
      ],
    },
  },
  // The Electron host may import electron, and no SQL either.
  {
    files: ['src-main/electron/**/*.ts', 'src-main/index.ts'],
    ignores: outsideStoreExemptions,
    rules: {
      'no-restricted-imports': ['error', { paths: sqlPaths, patterns: [...sqlPatterns, contractEntryOnly] }],
    },
  },
  {
    files: [...contractFiles, 'src-preload/api.ts', 'src-preload/text-rules.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: nodeBuiltins, message: 'The contract is shared with the renderer: no Node modules.' },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'The contract depends on nothing.' },
            contractEntryOnly,
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [contractEntryOnly] }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks only to window.baton.' },
            { name: 'better-sqlite3', message: 'SQL lives in main.' },
            { name: 'drizzle-orm', message: 'SQL lives in main.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node.' },
            { group: ['**/src-main/**'], message: 'The renderer talks only to window.baton.' },
            {
              group: [
                '**/src-preload/*',
                '!**/src-preload/contract',
                '!**/src-preload/api',
                '!**/src-preload/text-rules',
              ],
              message: 'The renderer may use only the contract, its text rules and the api builder.',
            },
            contractEntryOnly,
          ],
        },
      ],
      // The renderer bundle carries an inert zod (src-renderer/build/zod-stand-in.ts): a schema run
      // there throws at runtime. Check texts with src-preload/text-rules instead; main validates.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^(safeParse|parseAsync|safeParseAsync)$/], CallExpression[callee.property.name='parse'][callee.object.name!='JSON'], MemberExpression[property.name='shape']",
          message: 'No zod schema runs in the renderer: use src-preload/text-rules (main validates).',
        },
      ],
    },
  },
);
