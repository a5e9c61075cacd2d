// Lint: eslint-plugin-obsidianmd's recommended config (ESLint core + typescript-eslint type-checked + Obsidian rules,
// the rules the community directory's review runs) over the whole repository, plus the architecture rules that keep
// src/core pure and make the shells enter the core through its front doors.
//
// The plugin (src/obsidian, src/core, build/: everything that can end up in main.js) gets the recommended rules
// unchanged, `no-undef` included. Node-only code, which never runs inside Obsidian and is never bundled into main.js
// (the CLI and its filesystem backend, tests, benchmarks, build and release scripts, this config), imports Node's
// built-ins, prints to the terminal and names `.obsidian` by default: exactly those rules are relaxed there, in
// NODE_ONLY below, and README.md ("Code review notes") says why.
import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
import tseslint from 'typescript-eslint';

const forbiddenInCore = {
  paths: [
    { name: 'obsidian', message: 'src/core is pure: talk to storage through VaultPort.' },
    { name: 'fs', message: 'src/core is pure: no filesystem access.' },
    { name: 'path', message: 'src/core is pure: use the POSIX helpers in src/core/vault/vault-path.ts.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'src/core is pure: no Node built-ins.' },
    { group: ['**/obsidian/**', '**/cli/**', '**/node/**'], message: 'src/core must not depend on a backend.' },
  ],
};

// The shells (plugin, CLI, Node backend) enter each core domain through its front door, src/core/<domain>/index.ts.
const deepCoreImport = {
  patterns: [
    {
      group: ['**/core/*/*', '!**/core/*/index'],
      message: 'Import the core through its domain front door (src/core/<domain>), not a file inside it.',
    },
  ],
};

/** Code that runs in Node only, never inside Obsidian, and is never part of main.js. */
const NODE_ONLY = ['src/cli/**', 'src/node/**', 'tests/**', 'bench/**', 'scripts/**', 'example/**', '*.mjs', '*.js'];

const nodeGlobals = Object.fromEntries(
  ['process', 'Buffer', 'console', 'require', 'module', 'exports', '__dirname', '__filename', 'NodeJS', 'setTimeout', 'clearTimeout', 'setImmediate'].map((name) => [
    name,
    'readonly',
  ]),
);

export default defineConfig([
  globalIgnores(['node_modules', 'main.js', 'dist', 'scratch', 'example-vault', 'coverage', '.bench', '**/__golden__']),
  ...obsidianmd.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', forbiddenInCore],
      '@typescript-eslint/no-require-imports': 'error',
    },
  },
  {
    files: ['src/obsidian/**/*.ts', 'src/cli/**/*.ts', 'src/node/**/*.ts', 'src/worker/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', deepCoreImport] },
  },
  {
    files: NODE_ONLY,
    languageOptions: { globals: nodeGlobals },
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      // Node programs print to the terminal; keep the Function-constructor check.
      'obsidianmd/rule-custom-message': 'off',
      'no-new-func': 'error',
      'obsidianmd/prefer-window-timers': 'off',
      'obsidianmd/no-global-this': 'off',
      // Outside Obsidian there is no Vault#configDir to ask: the CLI addresses the default config folder by name.
      'obsidianmd/hardcoded-config-path': 'off',
      // TypeScript checks names in .ts files (and knows Node's and jest's globals); JS files keep no-undef.
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    rules: { 'no-undef': 'error' },
  },
  {
    // CommonJS: jest reads its config, global setup and the fixture check before any TypeScript is compiled.
    files: ['jest.config.js', 'tests/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The manifest's words and shape, as the directory checks them (the recommended config lints code files only).
    files: ['manifest.json'],
    languageOptions: { parser: tseslint.parser },
    rules: { 'obsidianmd/validate-manifest': 'error' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'obsidianmd/ui/sentence-case': 'off',
    },
  },
]);
