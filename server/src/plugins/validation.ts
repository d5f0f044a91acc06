/**
 * Request validation with AJV, as Fastify does by default (type coercion for query strings,
 * defaults filled in, formats), plus two rules AJV lacks, checked once here for every validated
 * request part of every route:
 * - numbers must be finite: AJV coerces "Infinity" in a query string to a number, and its range
 *   keywords then let it through;
 * - text must not hold control characters other than tab and line breaks: PostgreSQL cannot
 *   store NUL (U+0000) and would refuse the whole statement, and calendar files (RFC 5545) may
 *   not carry the others. Passwords are exempt: they are hashed, never stored as text.
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

function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: true,
    strict: false,
  });
  addFormats(ajv);
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
