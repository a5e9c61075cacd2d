// Lint: eslint-plugin-obsidianmd's recommended config (ESLint core + typescript-eslint type-checked + Obsidian rules),
// plus the architecture rule that keeps src/core free of Obsidian and Node imports.
import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';

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

export default defineConfig([
  globalIgnores(['node_modules', 'main.js', 'dist', 'scratch', 'example-vault', 'coverage', '*.mjs', '*.js', 'tests/global-setup.js']),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    // The type checker already reports undefined names, and knows jest's and Node's globals.
    rules: { 'no-undef': 'off' },
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
    // The CLI and the Node backends run in Node only, never inside Obsidian.
    files: ['src/cli/**/*.ts', 'src/node/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'obsidianmd/no-nodejs-modules': 'off',
      // Node programs print to the terminal; keep the Function-constructor check.
      'obsidianmd/rule-custom-message': 'off',
      'no-new-func': 'error',
      'obsidianmd/prefer-window-timers': 'off',
      'obsidianmd/no-global-this': 'off',
      // Outside Obsidian there is no Vault#configDir to ask: the CLI addresses the default config folder by name.
      'obsidianmd/hardcoded-config-path': 'off',
    },
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
      'obsidianmd/hardcoded-config-path': 'off',
    },
  },
]);
