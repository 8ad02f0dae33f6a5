/** Small pieces shared by the routers: the project in the URL, collections, query flags, bodies. */
import type { Context, Handler, Hono } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { AdoError, argumentError } from '../errors.ts';
import type { Project } from '../state/model.ts';
import type { RenderContext } from '../workitems/render.ts';

export type Ctx = Context<AppEnv>;

/** The project segment of the URL, when the route has one. */
export function projectParam(c: Ctx, sim: Sim): Project | undefined {
  const p = c.req.param('project' as never) as string | undefined;
  return p ? sim.store.project(p) : undefined;
}

export function requireProject(c: Ctx, sim: Sim): Project {
  const p = projectParam(c, sim);
  if (!p) throw argumentError('VS402371: This request needs a project in the URL.');
  return p;
}

export const collection = <T>(value: T[]) => ({ count: value.length, value });

export const flag = (c: Ctx, name: string) => c.req.query(name)?.toLowerCase() === 'true';

export function intQuery(c: Ctx, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw argumentError(`The value '${raw}' is not valid for ${name}.`);
  return n;
}

export function apiRender(c: Ctx, sim: Sim): RenderContext {
  return { store: sim.store, orgUrl: c.get('orgUrl'), identities: 'ref' };
}

export async function jsonBody(c: Ctx): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new AdoError('VS402373: The request body is missing or is not valid JSON.', {
      status: 400,
      typeKey: 'VssRequestContentException',
      namespace: 'Microsoft.VisualStudio.Services.Common',
    });
  }
}

/** Registers a route with and without the optional `{project}` segment before `_apis`. */
export function both(
  app: Hono<AppEnv>,
  method: string,
  suffix: string,
  handler: Handler<AppEnv>,
): void {
  app.on(method, `/:org/_apis${suffix}`, handler);
  app.on(method, `/:org/:project/_apis${suffix}`, handler);
}
