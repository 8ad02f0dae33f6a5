/** Work items: create and update (JSON Patch), get, list, batch, delete, revisions, updates. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Sim } from '../context.ts';
import { AdoError, argumentError, workItemNotFound } from '../errors.ts';
import { identityString } from '../state/identities.ts';
import { current, type Project, type Revision, type WorkItemRecord } from '../state/model.ts';
import { parsePatchDocument } from '../workitems/json-patch.ts';
import { type Expand, parseExpand, renderUpdate, renderWorkItem } from '../workitems/render.ts';
import {
  apiRender,
  both,
  type Ctx,
  collection,
  flag,
  intQuery,
  jsonBody,
  projectParam,
  requireProject,
} from './helpers.ts';

const MAX_IDS = 200;

function patchContentType(c: Ctx): void {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json-patch+json' || type === 'application/json') return;
  throw new AdoError(
    `VS402375: The request indicated a Content-Type of '${type}' for method type '${c.req.method}' which is not supported. Valid content types for this method are: application/json-patch+json.`,
    {
      status: 415,
      typeKey: 'VssRequestContentTypeNotSupportedException',
      namespace: 'Microsoft.VisualStudio.Services.WebApi',
    },
  );
}

function viewOf(fields: string[] | null | undefined, expand: Expand | null) {
  if (fields?.length && expand && expand !== 'none')
    throw argumentError(
      'VS403437: The expand parameter can not be used with the fields parameter.',
    );
  return { fields, expand };
}

/** The revision in force at `asOf`, or the current one. */
function revisionAt(item: WorkItemRecord, asOf: string | undefined | null): Revision | undefined {
  if (!asOf) return current(item);
  const t = Date.parse(asOf);
  if (Number.isNaN(t)) throw argumentError(`The value '${asOf}' is not a valid date for asOf.`);
  return [...item.revisions].reverse().find((r) => Date.parse(r.changedDate) <= t);
}

function parseIds(raw: unknown): number[] {
  const list = Array.isArray(raw)
    ? raw
    : String(raw ?? '')
        .split(',')
        .filter((s) => s.trim() !== '');
  const ids = list.map((x) => Number(x));
  if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n <= 0))
    throw argumentError('VS402338: The ids parameter must list work item ids.');
  if (ids.length > MAX_IDS)
    throw argumentError(`VS402337: The maximum number of work items in one request is ${MAX_IDS}.`);
  return ids;
}

const BatchInput = z.object({
  ids: z.array(z.union([z.number(), z.string()])),
  fields: z.array(z.string()).nullish(),
  asOf: z.string().nullish(),
  $expand: z.union([z.string(), z.number()]).nullish(),
  errorPolicy: z.union([z.string(), z.number()]).nullish(),
});

const omitErrors = (policy: unknown) =>
  String(policy ?? '').toLowerCase() === 'omit' || String(policy) === '2';

export function deletedRecord(sim: Sim, item: WorkItemRecord, orgUrl: string) {
  const r = current(item);
  const by = sim.store.user(item.deleted?.by ?? '');
  return {
    id: item.id,
    code: 200,
    deletedBy: by ? identityString(by) : item.deleted?.by,
    deletedDate: item.deleted?.date,
    name: r.fields['System.Title'],
    project: r.fields['System.TeamProject'],
    type: r.fields['System.WorkItemType'],
    url: `${orgUrl}/_apis/wit/recyclebin/${item.id}`,
  };
}

export function workItemRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();
  const saveOptions = (c: Ctx) => ({
    userId: c.get('principal').user.id,
    validateOnly: flag(c, 'validateOnly'),
    bypassRules: flag(c, 'bypassRules'),
  });
  const readItems = (
    c: Ctx,
    project: Project | undefined,
    ids: number[],
    policy: unknown,
    asOf: string | null | undefined,
    view: ReturnType<typeof viewOf>,
  ) => {
    const render = apiRender(c, sim);
    return ids.map((id) => {
      const item = sim.store.workItems.get(id);
      const r =
        item && !item.deleted && (!project || item.projectId === project.id)
          ? revisionAt(item, asOf)
          : undefined;
      if (!item || !r) {
        if (omitErrors(policy)) return null;
        throw workItemNotFound(id);
      }
      return renderWorkItem(render, item, r, view);
    });
  };

  const write = async (c: Ctx) => {
    patchContentType(c);
    const ops = parsePatchDocument(await jsonBody(c));
    const target = c.req.param('target' as never) as string;
    const expand = parseExpand(c.req.query('$expand'));
    if (target.startsWith('$')) {
      const project = requireProject(c, sim);
      const { item, revision } = sim.store.createWorkItem(
        project,
        target.slice(1),
        ops,
        saveOptions(c),
      );
      if (!flag(c, 'validateOnly')) sim.changed();
      return c.json(
        renderWorkItem(apiRender(c, sim), item, revision, { withRelations: true, expand }),
      );
    }
    const id = Number(target);
    if (!Number.isInteger(id) || c.req.method !== 'PATCH') throw workItemNotFound(target);
    const { item, revision } = sim.store.updateWorkItem(id, ops, {
      ...saveOptions(c),
      project: projectParam(c, sim),
    });
    if (!flag(c, 'validateOnly')) sim.changed();
    return c.json(
      renderWorkItem(apiRender(c, sim), item, revision, { withRelations: true, expand }),
    );
  };
  both(app, 'POST', '/wit/workitems/:target', write);
  both(app, 'PATCH', '/wit/workitems/:target', write);

  both(app, 'GET', '/wit/workitems/:id', (c) => {
    const project = projectParam(c, sim);
    const item = sim.store.workItem(Number(c.req.param('id' as never)), project);
    const fields = c.req.query('fields')?.split(',').filter(Boolean);
    const view = viewOf(fields, parseExpand(c.req.query('$expand')));
    const r = revisionAt(item, c.req.query('asOf'));
    if (!r) throw workItemNotFound(item.id);
    return c.json(renderWorkItem(apiRender(c, sim), item, r, view));
  });
  both(app, 'GET', '/wit/workitems', (c) => {
    const project = projectParam(c, sim);
    const ids = parseIds(c.req.query('ids'));
    const view = viewOf(
      c.req.query('fields')?.split(',').filter(Boolean),
      parseExpand(c.req.query('$expand')),
    );
    return c.json(
      collection(readItems(c, project, ids, c.req.query('errorPolicy'), c.req.query('asOf'), view)),
    );
  });
  both(app, 'POST', '/wit/workitemsbatch', async (c) => {
    const project = projectParam(c, sim);
    const body = BatchInput.parse(await jsonBody(c));
    const ids = parseIds(body.ids);
    const view = viewOf(
      body.fields,
      parseExpand(
        body.$expand === undefined || body.$expand === null ? null : String(body.$expand),
      ),
    );
    return c.json(collection(readItems(c, project, ids, body.errorPolicy, body.asOf, view)));
  });
  both(app, 'DELETE', '/wit/workitems/:id', (c) => {
    const id = Number(c.req.param('id' as never));
    const project = projectParam(c, sim);
    const item = sim.store.deleteWorkItem(id, c.get('principal').user.id, project);
    if (flag(c, 'destroy')) {
      sim.store.destroyWorkItem(id);
      sim.changed();
      return c.body(null, 204);
    }
    sim.changed();
    return c.json(deletedRecord(sim, item, c.get('orgUrl')));
  });

  both(app, 'GET', '/wit/workitems/:id/revisions', (c) => {
    const item = sim.store.workItem(Number(c.req.param('id' as never)), projectParam(c, sim));
    const skip = intQuery(c, '$skip') ?? 0;
    const top = intQuery(c, '$top') ?? 200;
    const expand = parseExpand(c.req.query('$expand'));
    const render = apiRender(c, sim);
    const list = item.revisions
      .slice(skip, skip + top)
      .map((r) => renderWorkItem(render, item, r, { expand, asRevision: true }));
    return c.json(collection(list));
  });
  both(app, 'GET', '/wit/workitems/:id/revisions/:rev', (c) => {
    const item = sim.store.workItem(Number(c.req.param('id' as never)), projectParam(c, sim));
    const r = item.revisions[Number(c.req.param('rev' as never)) - 1];
    if (!r)
      throw new AdoError(
        `TF401234: Revision ${c.req.param('rev' as never)} of work item ${item.id} does not exist.`,
        { status: 404, typeKey: 'WorkItemRevisionNotFoundException', eventId: 3200 },
      );
    return c.json(
      renderWorkItem(apiRender(c, sim), item, r, {
        expand: parseExpand(c.req.query('$expand')),
        asRevision: true,
      }),
    );
  });
  both(app, 'GET', '/wit/workitems/:id/updates', (c) => {
    const item = sim.store.workItem(Number(c.req.param('id' as never)), projectParam(c, sim));
    const skip = intQuery(c, '$skip') ?? 0;
    const top = intQuery(c, '$top') ?? 200;
    const render = apiRender(c, sim);
    return c.json(
      collection(
        item.revisions.slice(skip, skip + top).map((r) => renderUpdate(render, item, r.rev)),
      ),
    );
  });
  both(app, 'GET', '/wit/workitems/:id/updates/:n', (c) => {
    const item = sim.store.workItem(Number(c.req.param('id' as never)), projectParam(c, sim));
    const n = Number(c.req.param('n' as never));
    if (!item.revisions[n - 1])
      throw new AdoError(`TF401235: Update ${n} of work item ${item.id} does not exist.`, {
        status: 404,
        typeKey: 'WorkItemUpdateNotFoundException',
        eventId: 3200,
      });
    return c.json(renderUpdate(apiRender(c, sim), item, n));
  });
  return app;
}
