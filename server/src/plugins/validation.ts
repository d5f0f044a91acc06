/**
 * Request validation with AJV, as Fastify does by default (type coercion for query strings,
 * defaults filled in, formats), plus one rule AJV lacks: numbers must be finite. AJV coerces
 * "Infinity" in a query string to a number and its range keywords then let it through, so
 * every validated request part is checked for non-finite numbers here, once, for all routes.
 */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

function nonFinite(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nonFinite(item, `${path}/${index}`);
      if (found !== null) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nonFinite(item, `${path}/${key}`);
      if (found !== null) return found;
    }
  }
  return null;
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
      const path = nonFinite(data, '');
      if (path !== null) {
        const issue: ErrorObject = {
          instancePath: path,
          schemaPath: '#/finite',
          keyword: 'finite',
          params: {},
          message: 'must be a finite number',
        };
        return { error: Object.assign(new Error('invalid'), { validation: [issue] }) };
      }
      return { value: data };
    };
  });
}
