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
    // CommonJS configuration files of tools.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
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
    // SQL lives in a feature's queries files (and item sources, which are SQL): services and
    // routes may name Kysely's types but not build queries.
    files: ['server/src/modules/**/*.ts'],
    ignores: ['server/src/modules/**/*queries.ts', 'server/src/modules/**/item-source.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'kysely', message: 'Write SQL in queries.ts.', allowTypeImports: true }] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
          message: 'Write SQL in queries.ts.',
        },
      ],
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
