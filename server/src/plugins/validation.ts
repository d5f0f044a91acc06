/**
 * Request validation with AJV, as Fastify does by default (type coercion for query strings,
 * defaults filled in, formats), plus two rules AJV lacks, checked once here for every validated
 * request part of every route:
 * - numbers must be finite: AJV coerces "Infinity" in a query string to a number, and its range
 *   keywords then let it through;
 * - text must not hold control characters other than tab and line breaks: PostgreSQL cannot
 *   store NUL (U+0000) and would refuse the whole statement, and calendar files (RFC 5545) may
 *   not carry the others. Passwords are exempt: they are hashed, never stored as text.
 * and stricter dates:
 * - `date-time` and `date` take years 0001 to 9999 only (also once converted to UTC), and no leap
 *   second (`23:59:60`): PostgreSQL, PGlite and calendar files do not agree on either;
 * - the `x-within` keyword bounds a date or date-time around the server's clock, e.g.
 *   `{ 'x-within': { before: YEAR, after: 10 * YEAR } }` (seconds), so nobody plans a meetup in
 *   year 3000 or asks the feed as of a day in the future.
 */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/** C0 controls and DEL, except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const HASHED_FIELDS = new Set(['password']);

/** The first value at or under `path` that could not be stored and sent on as it is, as an AJV issue. */
function unstorable(value: unknown, path: string): ErrorObject | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return issue(path, 'finite', 'must be a finite number');
  if (typeof value === 'string' && CONTROL_CHARACTER.test(value)) {
    return issue(path, 'noControl', 'must not contain control characters (tab and line breaks are allowed)');
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found =
      unstorable(key, `${path}/${key}`) ?? (HASHED_FIELDS.has(key) ? null : unstorable(item, `${path}/${key}`));
    if (found !== null) return found;
  }
  return null;
}

function issue(instancePath: string, keyword: string, message: string): ErrorObject {
  return { instancePath, schemaPath: `#/${keyword}`, keyword, params: {}, message };
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FIRST_INSTANT = new Date('0001-01-01T00:00:00Z').getTime();
const LAST_INSTANT = new Date('9999-12-31T23:59:59.999Z').getTime();

/** Year 1 to 9999 and a day that exists in its month. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** RFC 3339 date-time, without leap seconds, years 0001-9999 (in its own offset and in UTC). */
export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, , , offsetHour, offsetMinute] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  if (offsetHour !== undefined && (Number(offsetHour) > 23 || Number(offsetMinute) > 59)) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && time >= FIRST_INSTANT && time <= LAST_INSTANT;
}

export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Bounds of the `x-within` keyword, in seconds before and after the server's clock. */
export interface Within {
  before: number;
  after: number;
}

export const YEAR_SECONDS = 366 * 24 * 3600;

function withinKeyword(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: 'x-within',
    type: 'string',
    schemaType: 'object',
    errors: true,
    validate: function within(this: unknown, bounds: Within, value: string): boolean {
      const time = Date.parse(value);
      // Not a date at all: the format says so.
      if (!Number.isFinite(time)) return true;
      const now = Date.now();
      const earliest = now - bounds.before * 1000;
      const latest = now + bounds.after * 1000;
      if (time >= earliest && time <= latest) return true;
      (within as { errors?: unknown[] }).errors = [
        // Ajv fills in instancePath (the field) when it is left out.
        {
          keyword: 'x-within',
          schemaPath: '#/x-within',
          params: { earliest: new Date(earliest).toISOString(), latest: new Date(latest).toISOString() },
          message: `must be between ${new Date(earliest).toISOString()} and ${new Date(latest).toISOString()}`,
        },
      ];
      return false;
    },
  });
}

function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
  });
  addFormats(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  ajv.addFormat('date', { type: 'string', validate: isDate });
  withinKeyword(ajv);
  return ajv;
}

export function installValidator(app: FastifyInstance): void {
  // Query strings, params and headers arrive as text and need coercion; JSON bodies carry real
  // types, and coercing them would quietly turn e.g. a rejected 0 into null in an "integer or
  // null" field instead of answering 400.
  const coercing = createAjv(true);
  const strict = createAjv(false);
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const validate = (httpPart === 'body' ? strict : coercing).compile(schema);
    return (data: unknown) => {
      if (!validate(data)) return { error: Object.assign(new Error('invalid'), { validation: validate.errors }) };
      const found = unstorable(data, '');
      if (found !== null) return { error: Object.assign(new Error('invalid'), { validation: [found] }) };
      return { value: data };
    };
  });
}
