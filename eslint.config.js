// Lint configuration. The layering rules (README.md, docs/architecture.md) live here as lint rules, so that a
// forbidden import fails `npm test` by itself:
//   shared/   imports neither Electron, nor Node built-ins, nor the DOM, nor main/ or renderer/
//   renderer/ imports neither Electron nor Node, nor main/ (it reaches the host via the bridge)
//   main/     never imports renderer/
// Inside renderer/src the folders are ranked (docs/architecture.md); a folder imports only folders below it, so
// no two folders can import each other, and import-x/no-cycle forbids module cycles as well.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

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

// The renderer's folders, top to bottom. A folder may import itself and any folder after it, never one before it.
// Features rank among themselves too (the edit view embeds plan editors; the status bar shows the start screen's
// sync label), so a feature can only use another feature further down.
export const RENDERER_LAYERS = [
  'app', // the shell: routes between the start screen and an open document, settings dialog
  'doc', // the document screen: composes navigator, views, status bar and collaboration around one session
  'versions', // named versions: save, list, open read-only, restore, compare (a session over a version's Y.Doc)
  'views', // features …: the edit view
  'plans', //   the plan views (initiatives, coverage, owners, checks, status round)
  'outline', //   the outline view
  'navigator', //   the tree of parts
  'status', //   the status bar
  'start', //   the start screen
  'import', //   the Word import's preview (opened from the start screen)
  'publishing', //   publishing: the export's confirm step for guidance text
  'find', //   find and replace across the strategy; suggested titles and goals (used by views/ and plans/)
  'session', // one open document: DocumentSession, its hooks, tree, labels, structure operations, view registry
  'editor', // ProseMirror rich-text editing
  'comments', // comment threads: the editor's highlights and thread beside the text, the comments panel
  'suggestions', // suggestion mode (track changes): the mode switch, the editor's rules and popover, the list of suggestions
  'images', // pictures: the insert dialog, paste/drop and node views in rich text, reading and checking a picture file
  'ui', // small shared components: bound inputs, icons, toasts, announcer
  'collab', // sync plumbing and presence: connection status, local copy, watched channel, presence widgets
  'route', // hash routes
  'i18n', // messages
  'settings', // the user's settings
  'bridge', // the host bridge (browser mode's HTTP/WebSocket client)
  'styles', // CSS only
];

/**
 * The renderer's layering as one config block: folder order (import-x/no-restricted-paths) and no module cycles
 * (import-x/no-cycle, which looks through value imports; type-only imports cannot cycle at run time). `root` is the
 * folder holding renderer/src, so test/unit/foundation/layering-lint.test.ts can run the same rules over fixtures.
 */
export function rendererLayering(root) {
  const folder = (name) => `renderer/src/${name}`;
  const zones = RENDERER_LAYERS.slice(1).map((name, i) => ({
    target: folder(name),
    from: RENDERER_LAYERS.slice(0, i + 1).map(folder),
    message: `Renderer layers: ${name}/ imports only folders below it (${RENDERER_LAYERS.slice(i + 2).join(', ') || 'none'}); see docs/architecture.md.`,
  }));
  return {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
    },
  };
}

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
  rendererLayering(dirname(fileURLToPath(import.meta.url))),
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
  // i18n: no inline Danish/English pairs anywhere; text is read from the catalog (eslint-rules/no-language-pairs.js).
  {
    files: ['main/**/*.{ts,tsx,js}', 'shared/**/*.{ts,tsx,js}', 'renderer/**/*.{ts,tsx,js}'],
    plugins: { pejlingPairs: { rules: { 'no-language-pairs': (await import('./eslint-rules/no-language-pairs.js')).default } } },
    rules: { 'pejlingPairs/no-language-pairs': 'error' },
  },
);
