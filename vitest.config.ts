import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

const postgres = Boolean(process.env.TEST_DATABASE_URL) || process.env.CI === 'true';

/**
 * One suite, two databases: every file under tests/api runs once on the embedded PGlite and,
 * when TEST_DATABASE_URL is set (always under CI), once more on the real PostGIS server.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/setup/require-ci-tools.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'api:embedded',
          include: ['tests/api/**/*.test.ts'],
          env: { VICINITY_TEST_DB: 'embedded' },
          globalSetup: ['tests/setup/embedded.ts'],
          // Workers keep their booted PGlite between files (tests/helpers/database.ts empties it).
          isolate: false,
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'api:postgres',
                include: ['tests/api/**/*.test.ts'],
                env: { VICINITY_TEST_DB: 'postgres' },
                globalSetup: ['tests/setup/postgres.ts'],
              },
            },
          ]
        : []),
      {
        extends: true,
        // Components and browser-side modules, compiled by the Svelte plugin, in a jsdom document.
        plugins: [svelte({ configFile: false }), svelteTesting()],
        test: {
          name: 'web',
          include: ['tests/web/**/*.test.ts'],
          environment: 'jsdom',
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: ['tests/system/**/*.test.ts'],
          // Spawns servers and browsers: one file at a time keeps ports and CPU calm.
          fileParallelism: false,
        },
      },
    ],
  },
});
