import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  parameters?: { name: string; in: string; schema?: unknown }[];
  summary?: string;
  tags?: string[];
}

describe('OpenAPI description', () => {
  it('is a valid OpenAPI 3 document generated from the route schemas', async () => {
    const response = await t.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
    expect(document.info.description).toContain('[lng, lat]');
  });

  it('documents every API route with a summary, a success response and typed parameters', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const paths = Object.keys(document.paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/register', '/api/nearby', '/api/map', '/api/geocode']),
    );
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(operation.summary, where).toBeTruthy();
        expect(operation.tags?.length, where).toBeGreaterThan(0);
        const success = Object.keys(operation.responses ?? {}).filter((status) => /^2\d\d$/.test(status));
        expect(success.length, where).toBeGreaterThan(0);
        for (const parameter of operation.parameters ?? [])
          expect(parameter.schema, `${where} ${parameter.name}`).toBeDefined();
      }
    }
  });

  it('serves the interactive documentation at /api/docs', async () => {
    const response = await t.app.inject('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
