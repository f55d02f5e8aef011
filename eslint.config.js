// ESLint flat config: type-aware typescript-eslint everywhere, react-hooks in the client, and the
// import boundaries of STYLE.md (graph-schema ← seed, server, client; SQL and Cypher stay in their
// store folders).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import octographI18n from './client/eslint-rules/no-literal-jsx-text.js';

const storeDrivers = ['better-sqlite3', 'better-sqlite3/*', 'neo4j-driver', 'neo4j-driver/*'];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/dist-test/**',
      '**/node_modules/**',
      'data/**',
      '**/.vite/**',
      'tests/.artifacts/**',
      'bench/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@octograph/server',
                '@octograph/server/*',
                '**/server/**',
                '@octograph/seed',
                '@octograph/seed/*',
              ],
              message: 'The client talks to the server over HTTP only, and has no demo data.',
            },
            { group: storeDrivers, message: 'Store drivers belong to the server.' },
          ],
        },
      ],
    },
  },
  {
    // Every word a reader sees comes from the translation files (issue 17).
    files: ['client/src/**/*.tsx'],
    plugins: { 'octograph-i18n': octographI18n },
    rules: { 'octograph-i18n/no-literal-jsx-text': 'error' },
  },
  {
    files: ['graph-schema/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@octograph/*', ...storeDrivers],
              message: 'graph-schema depends on zod only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['seed/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@octograph/server', '@octograph/client', ...storeDrivers],
              message: 'seed depends on graph-schema only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/store/embedded/**', 'server/src/store/neo4j/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: storeDrivers,
              message:
                'Only server/src/store/embedded and server/src/store/neo4j talk to a database.',
            },
            {
              group: ['@octograph/client', '@octograph/client/*', '**/client/**'],
              message: 'The server never imports client code.',
            },
          ],
        },
      ],
    },
  },
);
