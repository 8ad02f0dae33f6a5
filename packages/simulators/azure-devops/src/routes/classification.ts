/**
 * Area and iteration trees. `Areas`/`Iterations` may also come as the client's enum numbers:
 * `1` for Iterations, while Areas (`0`) is dropped from the URL by the client, so a first
 * segment that names no group is read as a path under Areas.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Sim } from '../context.ts';
import { AdoError, treeNodeNotFound } from '../errors.ts';
import { findByRelativePath, structureSegment } from '../state/classification.ts';
import type { ClassificationNode, Project, StructureType } from '../state/model.ts';
import { stableUuid } from '../state/seed.ts';
import { both, type Ctx, collection, intQuery, jsonBody, requireProject } from './helpers.ts';

function renderNode(
  node: ClassificationNode,
  project: Project,
  orgUrl: string,
  relative: string[],
  depth: number,
): Record<string, unknown> {
  const group = node.structureType === 'area' ? 'Areas' : 'Iterations';
  const urlPath = [group, ...relative].map(encodeURIComponent).join('/');
  return {
    id: node.id,
    identifier: node.identifier,
    name: node.name,
    structureType: node.structureType,
    hasChildren: node.children.length > 0,
    ...(depth > 0 &&
      node.children.length > 0 && {
        children: node.children.map((ch) =>
          renderNode(ch, project, orgUrl, [...relative, ch.name], depth - 1),
        ),
      }),
    path: `\\${[project.name, structureSegment(node.structureType), ...relative].join('\\')}`,
    ...(node.attributes && { attributes: node.attributes }),
    _links: { self: { href: `${orgUrl}/${project.id}/_apis/wit/classificationNodes/${urlPath}` } },
    url: `${orgUrl}/${project.id}/_apis/wit/classificationNodes/${urlPath}`,
  };
}

function groupOf(segment: string): StructureType | null {
  const s = segment.toLowerCase();
  if (s === 'areas' || s === '0') return 'area';
  if (s === 'iterations' || s === '1') return 'iteration';
  return null;
}

/** The structure group and the path below its root, from what follows `classificationNodes/`. */
function locate(rest: string): { type: StructureType; relative: string[] } {
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const type = groupOf(parts[0] ?? '');
  return type ? { type, relative: parts.slice(1) } : { type: 'area', relative: parts };
}

const NodeInput = z.object({
  name: z.string().min(1).max(255),
  attributes: z
    .object({ startDate: z.string().optional(), finishDate: z.string().optional() })
    .nullish(),
});

export function classificationRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();
  const restOf = (c: Ctx) => {
    const path = c.req.path;
    const at = path.toLowerCase().indexOf('/classificationnodes');
    return path.slice(at + '/classificationnodes'.length);
  };
  const treeRoot = (project: Project, type: StructureType) => {
    const t = sim.store.tree(project);
    return type === 'area' ? t.areas : t.iterations;
  };

  app.get('/:org/:project/_apis/wit/classificationnodes', (c) => {
    const project = requireProject(c, sim);
    const depth = intQuery(c, '$depth') ?? 0;
    const t = sim.store.tree(project);
    return c.json(
      collection(
        [t.areas, t.iterations].map((n) => renderNode(n, project, c.get('orgUrl'), [], depth)),
      ),
    );
  });
  app.get('/:org/:project/_apis/wit/classificationnodes/*', (c) => {
    const project = requireProject(c, sim);
    const { type, relative } = locate(restOf(c));
    const node = findByRelativePath(treeRoot(project, type), relative.join('/'));
    if (!node) throw treeNodeNotFound(relative.join('\\') || structureSegment(type));
    return c.json(renderNode(node, project, c.get('orgUrl'), relative, intQuery(c, '$depth') ?? 0));
  });
  both(app, 'POST', '/wit/classificationnodes/*', async (c) => {
    const project = requireProject(c, sim);
    const { type, relative } = locate(restOf(c));
    const parent = findByRelativePath(treeRoot(project, type), relative.join('/'));
    if (!parent) throw treeNodeNotFound(relative.join('\\'));
    const input = NodeInput.parse(await jsonBody(c));
    if (parent.children.some((ch) => ch.name.toLowerCase() === input.name.toLowerCase())) {
      throw new AdoError(
        `VS402371: The name ${input.name} is already in use under ${parent.name}.`,
        {
          status: 409,
          typeKey: 'ClassificationNodeDuplicateNameException',
          eventId: 3200,
        },
      );
    }
    const node: ClassificationNode = {
      id: sim.store.newNodeId(),
      identifier: stableUuid(
        `${type}:${project.name}\\${[...relative, input.name].join('\\')}:${Date.now()}`,
      ),
      name: input.name,
      structureType: type,
      children: [],
      ...(type === 'iteration' &&
        input.attributes?.startDate &&
        input.attributes.finishDate && {
          attributes: {
            startDate: input.attributes.startDate,
            finishDate: input.attributes.finishDate,
          },
        }),
    };
    parent.children.push(node);
    sim.changed();
    return c.json(renderNode(node, project, c.get('orgUrl'), [...relative, node.name], 0), 201);
  });
  return app;
}
