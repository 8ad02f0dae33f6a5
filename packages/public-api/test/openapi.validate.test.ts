import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createPublicApi, openApiDocument, PUBLIC_ROUTES } from '../src/index.ts';

describe('GET /api/public/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document (checked by an OpenAPI validator)', async () => {
    const result = await new Validator().validate(openApiDocument(PUBLIC_ROUTES) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route the app serves', () => {
    const app = createPublicApi({ db: {} as never });
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && !['/openapi.json', '/reference'].includes(r.path))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(openApiDocument(PUBLIC_ROUTES).paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
      .sort();
    expect(served).toEqual(documented);
    expect(documented).toHaveLength(4);
  });

  it('is served without a token', async () => {
    const response = await createPublicApi({ db: {} as never }).request('/openapi.json');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ openapi: '3.1.0' });
  });

  it('has a reference page naming every operation, without a token', async () => {
    const response = await createPublicApi({ db: {} as never }).request('/reference');
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const route of PUBLIC_ROUTES) expect(html).toContain(`id="${route.operationId}"`);
    expect(html).not.toContain('<script');
  });
});
