// Lint configuration. The layering rules of DEVELOPERS.md live here as lint rules, so that a
// forbidden import fails `npm test` by itself:
//   shared/   imports neither Electron, nor Node built-ins, nor the DOM, nor main/ or renderer/
//   renderer/ imports neither Electron nor Node, nor main/ (it reaches the host via the bridge)
//   main/     never imports renderer/
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// Bare built-in names are matched exactly (`paths`), so a relative './constants' is not mistaken for Node's 'constants'.
const nodeBuiltinNames = builtinModules.filter((m) => !m.startsWith('_'));
const nodePaths = [...new Set(nodeBuiltinNames)].map((name) => ({
  name,
  message: 'Layering: this layer runs outside Node (renderer, browser, shared); no Node built-ins.',
}));

const electron = {
  group: ['electron', 'electron/*'],
  message: 'Layering: only main/electron may import Electron; use the typed host bridge.',
};
const node = {
  group: ['node:*'],
  message: 'Layering: this layer runs outside Node (renderer, browser, shared); no Node built-ins.',
};
const toRenderer = {
  group: ['**/renderer/**', '**/renderer'],
  message: 'Layering: main/ and shared/ never import renderer/.',
};
const toMain = {
  group: ['**/main/**', '!**/renderer/**'],
  message: 'Layering: renderer/ and shared/ never import main/ (the host is reached through the bridge).',
};

// DOM globals that would tie shared/ to a browser.
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'location'].map(
  (name) => ({ name, message: 'Layering: shared/ must not use the DOM.' }),
);

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'test/fixtures/lint/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', TextEncoder: 'readonly',
        TextDecoder: 'readonly', Buffer: 'readonly', queueMicrotask: 'readonly', structuredClone: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx,js}'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodePaths, patterns: [electron, node, toRenderer, toMain] }],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx,js}'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodePaths, patterns: [electron, node, toMain] }],
    },
  },
  {
    files: ['main/**/*.{ts,tsx,js}'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electron, toRenderer] }],
    },
  },
  {
    files: ['main/electron/**/*.{ts,tsx,js}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [toRenderer] }],
    },
  },
  // i18n: user-facing text in components comes from the message catalog (eslint-rules/no-literal-ui-strings.js).
  {
    files: ['renderer/**/*.tsx'],
    plugins: { pejling: { rules: { 'no-literal-ui-strings': (await import('./eslint-rules/no-literal-ui-strings.js')).default } } },
    rules: { 'pejling/no-literal-ui-strings': 'error' },
  },
);
