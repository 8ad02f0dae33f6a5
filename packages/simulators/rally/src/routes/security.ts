/** `GET /security/authorize`: the security token basic-auth callers must send as `key` on writes. */
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { API } from '../wsapi/render.ts';

export function handleAuthorize(sim: Sim, c: Context<AppEnv>, warnings: string[]): Response {
  const p = c.get('principal');
  const session = p.sessionId ? sim.auth.basicSessions.get(p.sessionId) : undefined;
  const token = session?.token ?? randomBytes(24).toString('base64url');
  return c.json({
    OperationResult: { ...API, Errors: [], Warnings: warnings, SecurityToken: token },
  });
}
