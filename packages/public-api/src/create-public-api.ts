/**
 * The public API as a Hono app, mounted by the BFF at `/api/public/v1`; `GET /openapi.json` needs
 * no token. Every other route takes a bearer token and acts inside the token's workspace only.
 */
import type { DatabaseHandle } from '@tandem/storage';
import { Hono } from 'hono';
import { allows, type PublicEnv, requireToken } from './auth.ts';
import { PublicApiError, toErrorResponse } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { referencePage } from './reference-page.ts';
import { PUBLIC_ROUTES } from './routes/index.ts';
import { type TokensDb, tokenRepository } from './tokens/token-repository.ts';

export interface PublicApiDeps {
  db: DatabaseHandle;
  now?: () => Date;
}

const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

export function createPublicApi(deps: PublicApiDeps) {
  const now = deps.now ?? (() => new Date());
  const tokens = tokenRepository(deps.db.db as unknown as TokensDb);
  const document = openApiDocument(PUBLIC_ROUTES);
  const app = new Hono<PublicEnv>();
  app.onError((error, c) => toErrorResponse(error, c));
  const reference = referencePage(document);
  app.get('/openapi.json', (c) => c.json(document));
  app.get('/reference', (c) => c.html(reference));
  app.use('*', requireToken(tokens, now));
  for (const route of PUBLIC_ROUTES) {
    app.on(route.method.toUpperCase(), honoPath(route.path), async (c) => {
      const token = c.var.token;
      if (!allows(token, route.scope)) {
        throw new PublicApiError(
          403,
          'forbidden',
          `This token is read-only; ${route.operationId} needs scope write`,
        );
      }
      const params = route.params.safeParse(c.req.param());
      if (!params.success) throw new PublicApiError(404, 'not_found', 'No such route');
      let body: unknown;
      if (route.body) {
        const raw = await c.req.json().catch(() => undefined);
        const parsed = route.body.safeParse(raw);
        if (!parsed.success)
          throw new PublicApiError(
            422,
            'invalid',
            parsed.error.issues
              .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
              .join('; '),
          );
        body = parsed.data;
      }
      const result = await route.handle({
        params: params.data,
        body: body as never,
        token,
        deps: { db: deps.db, now },
      });
      return c.json(result as object, route.status);
    });
  }
  return app;
}
