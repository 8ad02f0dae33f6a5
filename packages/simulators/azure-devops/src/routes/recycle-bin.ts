/** The recycle bin: deleted work items, restore (a new revision) and destroy. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Sim } from '../context.ts';
import { workItemNotFound } from '../errors.ts';
import { renderCurrent } from '../workitems/render.ts';
import { apiRender, both, type Ctx, collection, jsonBody, projectParam } from './helpers.ts';
import { deletedRecord } from './work-items.ts';

const RestoreInput = z.object({ isDeleted: z.literal(false) });

export function recycleBinRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();
  const deletedItem = (c: Ctx) => {
    const project = projectParam(c, sim);
    const id = Number(c.req.param('id' as never));
    const item = sim.store.workItems.get(id);
    if (!item?.deleted || (project && item.projectId !== project.id)) throw workItemNotFound(id);
    return item;
  };
  both(app, 'GET', '/wit/recyclebin', (c) => {
    const project = projectParam(c, sim);
    const items = [...sim.store.workItems.values()].filter(
      (w) => w.deleted && (!project || w.projectId === project.id),
    );
    return c.json(collection(items.map((w) => deletedRecord(sim, w, c.get('orgUrl')))));
  });
  both(app, 'GET', '/wit/recyclebin/:id', (c) => {
    const item = deletedItem(c);
    return c.json({
      ...deletedRecord(sim, item, c.get('orgUrl')),
      resource: renderCurrent(apiRender(c, sim), item, { inRecycleBin: true, withRelations: true }),
    });
  });
  both(app, 'PATCH', '/wit/recyclebin/:id', async (c) => {
    const item = deletedItem(c);
    RestoreInput.parse(await jsonBody(c));
    const record = deletedRecord(sim, item, c.get('orgUrl'));
    sim.store.restoreWorkItem(item.id, c.get('principal').user.id);
    sim.changed();
    return c.json({
      ...record,
      url: `${c.get('orgUrl')}/_apis/wit/workItems/${item.id}`,
      resource: renderCurrent(apiRender(c, sim), item, { withRelations: true }),
    });
  });
  both(app, 'DELETE', '/wit/recyclebin/:id', (c) => {
    sim.store.destroyWorkItem(deletedItem(c).id);
    sim.changed();
    return c.body(null, 204);
  });
  return app;
}
