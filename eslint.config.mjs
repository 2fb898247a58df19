// Lint carries the conventions the compiler cannot (STYLE.md, "Tooling"), above all the
// process boundary of DESIGN.md: shared/ is pure, the backend never imports electron,
// the renderer reaches the backend only through its typed client.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

const electronBan = {
  name: 'electron',
  message:
    'Only electron/main and electron/preload may import electron (DESIGN.md, "Architecture").',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Handlers implement an async contract; some answer from memory without awaiting.
      '@typescript-eslint/require-await': 'off',
      // Event handlers in JSX may be async; failures are reported through the store.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronBan,
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ must not depend on a host.',
            },
            {
              group: ['react', 'react-dom', 'zustand', 'lowdb'],
              message: 'shared/ is pure TypeScript.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [{ group: ['electron/*'], message: electronBan.message }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the backend only through src/api.',
            },
            {
              // zod is ~90 KB of the first chunk: the renderer takes types from the schemas
              // and the contract, values from the zod-free modules (shared/domain/enums).
              group: [
                '**/shared/domain/schemas',
                '**/shared/contract/channels',
                '**/shared/contract/domains/*',
                '**/shared/contract/fields',
                'zod',
              ],
              allowTypeImports: true,
              message: 'Import types only: values from shared/domain/enums keep zod out of the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    // Components and the reader reach the backend through the store, never the transport.
    files: ['renderer/src/components/**', 'renderer/src/reader/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            {
              group: ['**/api/*'],
              message: 'Components call store actions; only the store uses the api client.',
            },
            {
              group: ['node:*', '**/electron/**'],
              message: 'The renderer has no Node and no backend imports.',
            },
            {
              // zod is ~90 KB of the first chunk: the renderer takes types from the schemas
              // and the contract, values from the zod-free modules (shared/domain/enums).
              group: [
                '**/shared/domain/schemas',
                '**/shared/contract/channels',
                '**/shared/contract/domains/*',
                '**/shared/contract/fields',
                'zod',
              ],
              allowTypeImports: true,
              message: 'Import types only: values from shared/domain/enums keep zod out of the UI.',
            },
          ],
        },
      ],
    },
  },
);
