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

/** Import rules for code the browser bundles: no Node built-ins, drivers or Express, nothing matching `outside`. */
function browserSafe(/** @type {string} */ outside, /** @type {string} */ message) {
  return {
    paths: driverImports.paths,
    patterns: [
      { regex: NODE_BUILTINS, message: 'The browser bundles this code too: no Node built-ins.' },
      { regex: outside, message },
    ],
  };
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
  { files: ['server/services/**', 'server/config.ts', 'server/errors.ts'], rules: { 'no-restricted-imports': ['error', driverImports] } },
  // What the browser bundles too: contract/ (request/response schemas) imports only zod and itself;
  // render/ (code the server and the browser both run) only zod, contract/ and itself. No Node
  // built-in, driver, Express or other server folder in either.
  { files: ['server/contract/**'], rules: { 'no-restricted-imports': ['error', browserSafe('^\\.\\./', 'contract/ holds schemas only: it imports zod and contract/ only.')] } },
  { files: ['server/render/**'], rules: { 'no-restricted-imports': ['error', browserSafe('^\\.\\./(?!contract/)', 'render/ imports zod, contract/ and render/ only.')] } },
  {
    files: ['server/http/**'],
    rules: { 'no-restricted-imports': ['error', { paths: driverImports.paths.slice(0, 2) }] },
  },
  {
    files: ['client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: driverImports.paths,
          patterns: [
            { regex: '(^|/)server/(?!contract/|render/)', message: 'The client may import only server/contract and server/render.' },
          ],
        },
      ],
    },
  },
);
