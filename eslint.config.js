// Lint rules for the whole repository: ESLint's and typescript-eslint's recommended sets for
// TypeScript everywhere, eslint-plugin-svelte's for the web app's components. Formatting is
// Prettier's job (.prettierrc), so no stylistic rules here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['node_modules/', 'web/dist/', '.cache/', 'data/', 'bench/results/', 'tests/artifacts/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['web/**/*.svelte', 'web/**/*.svelte.ts', 'web/**/*.svelte.js'],
    extends: [svelte.configs['flat/recommended']],
    languageOptions: {
      parserOptions: {
        // <script lang="ts"> blocks are parsed by typescript-eslint.
        parser: tseslint.parser,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      // Browser globals and component props are checked by svelte-check, which knows the types;
      // typescript-eslint likewise turns this rule off for .ts files.
      'no-undef': 'off',
    },
  },
  {
    rules: {
      // A leading underscore marks a parameter a callback signature requires but the body ignores.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
);
