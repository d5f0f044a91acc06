/**
 * Under CI=true nothing may be skipped for lack of a tool: this global setup fails the run when
 * the PostGIS server or Chromium is missing, instead of letting their suites quietly vanish.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default function setup() {
  if (process.env.CI !== 'true') return;
  const missing: string[] = [];
  if (!process.env.TEST_DATABASE_URL) missing.push('TEST_DATABASE_URL (a PostgreSQL server with PostGIS)');
  if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM}`);
  if (missing.length > 0)
    throw new Error(`CI=true but these are missing, so suites would be skipped: ${missing.join('; ')}`);
}
