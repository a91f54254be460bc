import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// DESIGN.md §2: imports flow one way, down the layers; a folder may import only the folders listed for it.
const LAYERS = {
  app: null,
  pwa: null,
  workers: ['data', 'import', 'analytics', 'domain', 'platform'],
  data: ['sync', 'domain', 'platform'],
  sync: ['domain', 'platform'],
  import: ['domain'],
  analytics: ['domain'],
  domain: [],
  platform: [],
};
const FOLDERS = Object.keys(LAYERS);
const UI_AND_STORAGE_PACKAGES = ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'yjs', 'y-indexeddb', 'zustand', 'workbox-window'];
const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'indexedDB', 'localStorage', 'sessionStorage', 'location'];
const PURE = new Set(['domain', 'import', 'analytics']);

const boundaries = Object.entries(LAYERS)
  .filter(([, allowed]) => allowed !== null)
  .map(([folder, allowed]) => {
    const forbidden = FOLDERS.filter((other) => other !== folder && !allowed.includes(other));
    const patterns = [
      {
        regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
        message: allowed.length
          ? `src/${folder} may import only ${allowed.join(', ')} of ours (DESIGN.md §2).`
          : `src/${folder} may import nothing of ours (DESIGN.md §2).`,
      },
    ];
    if (PURE.has(folder)) {
      patterns.push({
        group: UI_AND_STORAGE_PACKAGES,
        message: `src/${folder} is pure logic: no UI, storage or document libraries, so it runs and is tested in Node.`,
      });
    }
    return {
      files: [`src/${folder}/**/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': ['error', { patterns }],
        ...(PURE.has(folder)
          ? {
              'no-restricted-globals': [
                'error',
                ...BROWSER_GLOBALS.map((name) => ({ name, message: `src/${folder} must not touch browser APIs.` })),
              ],
            }
          : {}),
      },
    };
  });

export default tseslint.config(
  { ignores: ['dist/', 'bench/.build/', 'bench/results/', 'node_modules/', 'dev-dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The build does not run the React Compiler, so a hook it cannot memoise (TanStack Virtual) costs nothing.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      // A rest sibling is how a property is left out of a copy (the import preview's rows, kept in the worker).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.config.{js,ts}', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // Callbacks passed to page.evaluate run in the browser.
    files: ['bench/**/*.mjs', 'test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  ...boundaries,
);
