import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';

/** Account-wide integration settings (templates, the report) are for workspace owners. */
export const requireAnyOwner = createMiddleware<AppEnv>(async (c, next) => {
  const session = c.var.session;
  if (!session) throw AppError.unauthenticated();
  const owned = await c.var.deps.database.db
    .selectFrom('memberships')
    .select('workspace_id')
    .where('user_id', '=', session.user.id)
    .where('role', '=', 'owner')
    .execute();
  if (owned.length === 0) {
    throw AppError.forbidden('Integration templates and reports are for workspace owners');
  }
  await next();
});

/** The ids of the workspaces the signed-in user owns. */
export async function ownedWorkspaceIds(
  db: Parameters<typeof requireAnyOwner>[0]['var']['deps']['database']['db'],
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('workspace_id')
    .where('user_id', '=', userId)
    .where('role', '=', 'owner')
    .execute();
  return rows.map((r) => r.workspace_id);
}
