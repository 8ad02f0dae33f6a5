import type { ActionContext } from '@tandem/roadmap';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { AppError } from './errors.ts';

/** The signed-in person acting through the app, at the app's clock. */
export function actionContext(c: Context<AppEnv>): ActionContext {
  const session = c.var.session;
  if (!session) throw AppError.unauthenticated();
  return { actorId: session.user.id, origin: 'user', now: c.var.deps.now() };
}
