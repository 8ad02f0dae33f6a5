/** WIQL: a flat query over work items, answered with references the client then batch-reads. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Sim } from '../context.ts';
import { AdoError } from '../errors.ts';
import { evaluate, parse, resolveField } from '../wiql/index.ts';
import { type Ctx, flag, intQuery, jsonBody, projectParam } from './helpers.ts';

const WiqlInput = z.object({ query: z.string() });
const MAX_RESULTS = 20_000;

export function wiqlRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();
  const run = async (c: Ctx) => {
    const project = projectParam(c, sim);
    const team = c.req.param('team' as never) as string | undefined;
    if (project && team) sim.store.team(project, team);
    const { query } = WiqlInput.parse(await jsonBody(c));
    const q = parse(query);
    const items = sim.store.liveWorkItems();
    const matched = evaluate(q, items, {
      project: project ?? null,
      me: c.get('principal').user,
      now: sim.now(),
      users: sim.store.users,
      timePrecision: flag(c, 'timePrecision'),
    });
    if (matched.length > MAX_RESULTS) {
      throw new AdoError(
        `VS402337: The number of work items returned exceeds the size limit of ${MAX_RESULTS}. Change the query to return fewer items.`,
        {
          status: 400,
          typeKey: 'WorkItemTrackingQueryResultSizeLimitExceededException',
          eventId: 3200,
        },
      );
    }
    const top = intQuery(c, '$top');
    const orgUrl = c.get('orgUrl');
    const column = (name: string) => {
      const def = resolveField(name);
      return {
        referenceName: def.referenceName,
        name: def.name,
        url: `${orgUrl}/_apis/wit/fields/${def.referenceName}`,
      };
    };
    return c.json({
      queryType: 'flat',
      queryResultType: 'workItem',
      asOf: sim.now().toISOString(),
      columns: q.select.map(column),
      sortColumns: q.orderBy.map((o) => ({ field: column(o.field), descending: o.descending })),
      workItems: (top === undefined ? matched : matched.slice(0, top)).map((w) => ({
        id: w.id,
        url: `${orgUrl}/_apis/wit/workItems/${w.id}`,
      })),
    });
  };
  app.post('/:org/_apis/wit/wiql', run);
  app.post('/:org/:project/_apis/wit/wiql', run);
  app.post('/:org/:project/:team/_apis/wit/wiql', run);
  return app;
}
