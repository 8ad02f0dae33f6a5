/** Core: projects (paged), teams, processes. */
import { Hono } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { AdoError } from '../errors.ts';
import { PROCESSES, processById } from '../process/processes.ts';
import type { Project, Team } from '../state/model.ts';
import { SEED_IDS } from '../state/seed.ts';
import { collection, flag, intQuery } from './helpers.ts';

export function renderProject(p: Project, orgUrl: string) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    url: `${orgUrl}/_apis/projects/${p.id}`,
    state: 'wellFormed',
    revision: p.revision,
    visibility: p.visibility,
    lastUpdateTime: p.lastUpdateTime,
  };
}

export function renderTeam(t: Team, project: Project, orgUrl: string) {
  return {
    id: t.id,
    name: t.name,
    url: `${orgUrl}/_apis/projects/${project.id}/teams/${t.id}`,
    description: t.description,
    identityUrl: `${orgUrl}/_apis/Identities/${t.id}`,
    projectName: project.name,
    projectId: project.id,
  };
}

function page<T>(items: T[], skip: number, top: number) {
  return { items: items.slice(skip, skip + top), more: skip + top < items.length };
}

export function coreRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();
  app.get('/:org/_apis/projects', (c) => {
    const state = c.req.query('stateFilter')?.toLowerCase();
    const all =
      state && state !== 'wellformed' && state !== 'all' && state !== '1' && state !== '-1'
        ? []
        : [...sim.store.projects.values()];
    all.sort((a, b) => a.name.localeCompare(b.name));
    const skip = Number(c.req.query('continuationToken') ?? '') || intQuery(c, '$skip') || 0;
    const top = intQuery(c, '$top') ?? 100;
    const { items, more } = page(all, skip, top);
    if (more) c.header('x-ms-continuationtoken', String(skip + top));
    return c.json(collection(items.map((p) => renderProject(p, c.get('orgUrl')))));
  });
  app.get('/:org/_apis/projects/:projectId', (c) => {
    const p = sim.store.project(c.req.param('projectId'));
    const orgUrl = c.get('orgUrl');
    const team = sim.store.teams.get(p.defaultTeamId)!;
    const process = processById(p.processId);
    return c.json({
      ...renderProject(p, orgUrl),
      ...(flag(c, 'includeCapabilities') && {
        capabilities: {
          versioncontrol: { sourceControlType: 'Git', gitEnabled: 'true', tfvcEnabled: 'false' },
          processTemplate: { templateName: process.name, templateTypeId: process.id },
        },
      }),
      _links: {
        self: { href: `${orgUrl}/_apis/projects/${p.id}` },
        collection: { href: `${orgUrl}/_apis/projectCollections/${SEED_IDS.collectionId}` },
        web: { href: `${orgUrl}/${encodeURIComponent(p.name)}` },
      },
      defaultTeam: { id: team.id, name: team.name, url: renderTeam(team, p, orgUrl).url },
    });
  });
  const listTeams = (projects: Project[], skip: number, top: number, orgUrl: string) => {
    const teams = [...sim.store.teams.values()]
      .filter((t) => projects.some((p) => p.id === t.projectId))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => renderTeam(t, sim.store.projects.get(t.projectId)!, orgUrl));
    return collection(teams.slice(skip, skip + top));
  };
  app.get('/:org/_apis/projects/:projectId/teams', (c) => {
    const p = sim.store.project(c.req.param('projectId'));
    return c.json(
      listTeams([p], intQuery(c, '$skip') ?? 0, intQuery(c, '$top') ?? 100, c.get('orgUrl')),
    );
  });
  app.get('/:org/_apis/projects/:projectId/teams/:teamId', (c) => {
    const p = sim.store.project(c.req.param('projectId'));
    return c.json(renderTeam(sim.store.team(p, c.req.param('teamId')), p, c.get('orgUrl')));
  });
  app.get('/:org/_apis/teams', (c) =>
    c.json(
      listTeams(
        [...sim.store.projects.values()],
        intQuery(c, '$skip') ?? 0,
        intQuery(c, '$top') ?? 100,
        c.get('orgUrl'),
      ),
    ),
  );
  const renderProcess = (id: string, orgUrl: string) => {
    const p = PROCESSES.find((x) => x.id === id.toLowerCase());
    if (!p)
      throw new AdoError(`VS402362: The process ${id} does not exist.`, {
        status: 404,
        typeKey: 'ProcessNotFoundByTypeIdException',
        namespace: 'Microsoft.TeamFoundation.Server.Core',
      });
    return {
      id: p.id,
      description: p.description,
      isDefault: p.isDefault,
      type: p.parentProcessTypeId ? 'inherited' : 'system',
      url: `${orgUrl}/_apis/process/processes/${p.id}`,
      name: p.name,
    };
  };
  app.get('/:org/_apis/process/processes', (c) =>
    c.json(collection(PROCESSES.map((p) => renderProcess(p.id, c.get('orgUrl'))))),
  );
  app.get('/:org/_apis/process/processes/:id', (c) =>
    c.json(renderProcess(c.req.param('id'), c.get('orgUrl'))),
  );
  return app;
}
