/**
 * Under CI=true nothing may be skipped for lack of a tool: this global setup fails the run when
 * the PostGIS server, Chromium, GDAL or Python's icalendar is missing, instead of letting their
 * suites quietly vanish.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether a program runs (found on PATH and exits 0 with these arguments). */
export function runs(program: string, args: string[]): boolean {
  try {
    execFileSync(program, args, { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** GDAL's command-line tools (Debian gdal-bin): the GIS clients the API is tested with. */
export const hasGdal = () => runs('ogr2ogr', ['--version']) && runs('ogrinfo', ['--version']);
/** Debian's Python, which python3-icalendar installs into (a python3 earlier on PATH may be another one). */
export const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
/** Python's icalendar (Debian python3-icalendar): a calendar parser the .ics files are tested with. */
export const hasPythonIcalendar = () => runs(PYTHON, ['-c', 'import icalendar, dateutil, pytz']);

export default function setup() {
  if (process.env.CI !== 'true') return;
  const missing: string[] = [];
  if (!process.env.TEST_DATABASE_URL) missing.push('TEST_DATABASE_URL (a PostgreSQL server with PostGIS)');
  if (!existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM}`);
  if (!hasGdal()) missing.push('GDAL (ogr2ogr, ogrinfo from gdal-bin)');
  if (!hasPythonIcalendar()) missing.push(`Python icalendar (python3-icalendar) for ${PYTHON}`);
  if (missing.length > 0)
    throw new Error(`CI=true but these are missing, so suites would be skipped: ${missing.join('; ')}`);
}
