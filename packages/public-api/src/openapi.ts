/** The OpenAPI 3.1 document of the public API, written from the route definitions' zod schemas. */
import { z } from 'zod';
import type { PublicRoute } from './routes/define-route.ts';
import { publicErrorSchema } from './schemas.ts';

const json = (schema: z.ZodType, io: 'input' | 'output') => ({
  'application/json': {
    schema: z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }),
  },
});

const error = (description: string) => ({
  description,
  content: json(publicErrorSchema, 'output'),
});

export function openApiDocument(routes: readonly PublicRoute[], serverUrl = '/api/public/v1') {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const shape = route.params.shape as Record<string, z.ZodType>;
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      description: `Needs a token with scope \`${route.scope}\`${route.scope === 'read' ? ' or `write`' : ''}.`,
      security: [{ bearer: [] }],
      parameters: Object.entries(shape).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        schema: z.toJSONSchema(schema, { io: 'input' }),
      })),
      ...(route.body
        ? { requestBody: { required: true, content: json(route.body, 'input') } }
        : {}),
      responses: {
        [String(route.status)]: { description: 'OK', content: json(route.response, 'output') },
        '401': error('No token, or an unknown or revoked one'),
        '403': error('The token may not do this (a read token on a write)'),
        '404': error('Not found in the token’s workspace'),
        '422': error('The body is not valid'),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tandem public API',
      version: '1.0.0',
      description:
        'What a service needs: read records, write integration fields, add requirements. Tokens are scoped to one workspace.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token: tdm_…' },
      },
    },
    paths,
  };
}
