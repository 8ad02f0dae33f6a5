/**
 * Bearer tokens: `Authorization: Bearer tdm_…`. The token is looked up by its hash on every request,
 * so a revoked token is refused at once; a `read` token is refused on writes.
 */
import type { MiddlewareHandler } from 'hono';
import { PublicApiError } from './errors.ts';
import type { ApiToken, TokenScope } from './schemas.ts';
import type { TokenRepository } from './tokens/token-repository.ts';
import { looksLikeToken } from './tokens/token-secret.ts';

export type PublicEnv = { Variables: { token: ApiToken } };

export function requireToken(
  tokens: TokenRepository,
  now: () => Date,
): MiddlewareHandler<PublicEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const secret = /^Bearer (\S+)$/i.exec(header)?.[1];
    if (!secret)
      throw new PublicApiError(
        401,
        'unauthenticated',
        'Send an API token: Authorization: Bearer tdm_…',
      );
    const token = looksLikeToken(secret) ? await tokens.findActive(secret) : undefined;
    if (!token)
      throw new PublicApiError(401, 'unauthenticated', 'This API token is unknown or revoked');
    await tokens.touch(token.id, now());
    c.set('token', token);
    await next();
  };
}

export function allows(token: ApiToken, needed: TokenScope): boolean {
  return needed === 'read' || token.scope === 'write';
}
