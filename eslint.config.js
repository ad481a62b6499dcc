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
  { files: ['server/services/**', 'server/contract/**', 'server/config.ts', 'server/errors.ts'], rules: { 'no-restricted-imports': ['error', driverImports] } },
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
            { regex: '(^|/)server/(?!contract/)', message: 'The client may import only server/contract.' },
          ],
        },
      ],
    },
  },
);
