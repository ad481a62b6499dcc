// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const driverImports = {
  paths: [
    { name: 'kuzu', message: 'Only server/db may import a database driver.' },
    { name: 'neo4j-driver', message: 'Only server/db may import a database driver.' },
    { name: 'express', message: 'Only server/http, server/app.ts and server/main.ts may import express.' },
  ],
};

const NODE_BUILTINS = '^(node:|(fs|path|os|url|crypto|stream|child_process|worker_threads|http|https|net|zlib|events|util|buffer|readline|process)(/|$))';

/** Code the browser bundles too imports no Node built-in. */
const noNodeBuiltins = { regex: NODE_BUILTINS, message: 'The browser bundles this code too: no Node built-ins.' };

/** Services use the store through its interface only (graph-store.ts and the types it speaks), never an
 * adapter, the loader of the server's own Cypher, the adapters' guard, or the HTTP and CLI layers above them. */
const servicePatterns = [
  { regex: '(^|/)db/(?!(graph-store|query-types|import-write)\\.js$)', message: 'Services use db/ through graph-store.ts (and its types) only.' },
  { regex: '(^|/)(http|cli)/', message: 'Services never import the layers above them.' },
];

/** `no-restricted-imports` for `files`: the import `patterns` refused there, plus the named `paths` (drivers, Express). */
function layer(/** @type {string[]} */ files, /** @type {{ regex: string; message: string }[]} */ patterns, paths = driverImports.paths) {
  return { files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'client/dist/**', 'dist/**', 'data/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Tests read loosely-typed JSON bodies.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Layer rules (see docs/architecture.md): services and contracts never see a driver or Express.
  { files: ['server/config.ts', 'server/errors.ts', 'server/validate.ts', 'server/cypher-text/**'], rules: { 'no-restricted-imports': ['error', driverImports] } },
  // Services: see servicePatterns.
  layer(['server/services/**'], servicePatterns),
  // The import subsystem is one service among others: what other services share with it (datasets, their units
  // and privacy) lives in services/datasets/, so nothing outside services/imports/ reaches into it.
  {
    ...layer(['server/services/**'], [
      ...servicePatterns,
      { regex: '(^|/)imports/', message: 'Only services/imports/ imports from services/imports/ (shared dataset rules live in services/datasets/).' },
    ]),
    ignores: ['server/services/imports/**'],
  },
  // The store knows nothing of the layers that use it.
  layer(['server/db/**'], [{ regex: '(^|/)(services|http|cli|render)/', message: 'db/ never imports the layers above it.' }], []),
  // The CLIs open a store through db/index.ts only and share no code with the HTTP layer.
  layer(['server/cli/**'], [
    { regex: '(^|/)http/', message: 'The CLIs never import server/http (what both need lives beside them: validate.ts, errors.ts).' },
    { regex: '(^|/)db/(?!(index|graph-store)\\.js$)', message: 'The CLIs open a store with db/index.ts (openGraphStore) only.' },
  ]),
  // What the browser bundles too: contract/ (request/response schemas) imports only zod and itself;
  // render/ (code the server and the browser both run) only zod, contract/ and itself. No Node
  // built-in, driver, Express or other server folder in either.
  layer(['server/contract/**'], [noNodeBuiltins, { regex: '^\\.\\./', message: 'contract/ holds schemas only: it imports zod and contract/ only.' }]),
  layer(['server/render/**'], [noNodeBuiltins, { regex: '^\\.\\./(?!contract/)', message: 'render/ imports zod, contract/ and render/ only.' }]),
  layer(
    ['server/http/**'],
    [
      { regex: '(^|/)db/(?!graph-store\\.js$)', message: 'server/http uses the store through services (and graph-store.ts types) only.' },
      { regex: '(^|/)cli/', message: 'server/http never imports the CLIs.' },
    ],
    driverImports.paths.slice(0, 2),
  ),
  layer(['client/**'], [{ regex: '(^|/)server/(?!contract/|render/)', message: 'The client may import only server/contract and server/render.' }]),
);
