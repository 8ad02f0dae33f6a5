/**
 * The seeded organisation `tandem-demo`: four projects (Agile, Scrum, Basic and the inherited
 * "Agile Compliance" process with a required field), their teams, nested area and iteration
 * paths, and a few work items linked parent → child.
 */
import { createHash } from 'node:crypto';
import { AGILE, AGILE_COMPLIANCE, BASIC, SCRUM } from '../process/processes.ts';
import { DEFAULT_USERS } from './identities.ts';
import type { ClassificationNode, Project, StructureType } from './model.ts';
import type { Store } from './store.ts';

export const DEFAULT_ORGANIZATION = 'tandem-demo';

/** A GUID that stays the same for the same name (seeded ids survive restarts and resets). */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const SEED_IDS = {
  collectionId: stableUuid('collection:tandem-demo'),
  projects: {
    roadmap: stableUuid('project:Roadmap Demo'),
    platform: stableUuid('project:Platform'),
    operations: stableUuid('project:Operations'),
    compliance: stableUuid('project:Compliance'),
  },
  workItems: {
    epic: 1,
    feature: 2,
    story: 3,
    secondStory: 4,
    task: 5,
    pbi: 6,
    issue: 7,
    complianceFeature: 8,
  },
} as const;

interface TreeSpec {
  name: string;
  children?: TreeSpec[];
  dates?: [string, string];
}

interface ProjectSpec {
  id: string;
  name: string;
  description: string;
  processId: string;
  teams: string[];
  areas: TreeSpec[];
  iterations: TreeSpec[];
}

const PROJECTS: ProjectSpec[] = [
  {
    id: SEED_IDS.projects.roadmap,
    name: 'Roadmap Demo',
    description: 'Where Tandem sends the demo roadmap (Agile process).',
    processId: AGILE.id,
    teams: ['Web Team', 'Mobile Team'],
    areas: [
      { name: 'Web', children: [{ name: 'Frontend' }, { name: 'Backend' }] },
      { name: 'Mobile' },
    ],
    iterations: [
      {
        name: 'Release 1',
        children: [
          { name: 'Sprint 1', dates: ['2026-01-05', '2026-01-16'] },
          { name: 'Sprint 2', dates: ['2026-01-19', '2026-01-30'] },
        ],
      },
      { name: 'Release 2' },
    ],
  },
  {
    id: SEED_IDS.projects.platform,
    name: 'Platform',
    description: 'Shared services (Scrum process).',
    processId: SCRUM.id,
    teams: [],
    areas: [{ name: 'API' }, { name: 'Infrastructure' }],
    iterations: [{ name: 'Sprint 1' }, { name: 'Sprint 2' }, { name: 'Sprint 3' }],
  },
  {
    id: SEED_IDS.projects.operations,
    name: 'Operations',
    description: 'Run the business (Basic process).',
    processId: BASIC.id,
    teams: [],
    areas: [{ name: 'Support' }],
    iterations: [{ name: 'Iteration 1' }],
  },
  {
    id: SEED_IDS.projects.compliance,
    name: 'Compliance',
    description: 'Regulated work: every feature and story needs a risk level (Agile Compliance).',
    processId: AGILE_COMPLIANCE.id,
    teams: [],
    areas: [{ name: 'Audits' }],
    iterations: [{ name: 'Q1' }, { name: 'Q2' }],
  },
];

function buildTree(
  store: Store,
  projectName: string,
  type: StructureType,
  specs: TreeSpec[],
): ClassificationNode {
  const node = (
    name: string,
    children: TreeSpec[],
    path: string,
    dates?: [string, string],
  ): ClassificationNode => ({
    id: store.newNodeId(),
    identifier: stableUuid(`${type}:${path}`),
    name,
    structureType: type,
    children: children.map((c) => node(c.name, c.children ?? [], `${path}\\${c.name}`, c.dates)),
    ...(dates && {
      attributes: { startDate: `${dates[0]}T00:00:00Z`, finishDate: `${dates[1]}T00:00:00Z` },
    }),
  });
  return node(projectName, specs, projectName);
}

export interface SeedOptions {
  /** Extra user stories per Agile project, for benchmarks and paging. */
  extraWorkItems?: number;
}

export function seedStandard(store: Store, options: SeedOptions = {}): void {
  store.load({
    nextWorkItemId: 1,
    nextWatermark: 1,
    nextNodeId: 100,
    projects: [],
    teams: [],
    trees: [],
    workItems: [],
    attachments: [],
  });
  store.users = DEFAULT_USERS.map(({ id, displayName, uniqueName, descriptor }) => ({
    id,
    displayName,
    uniqueName,
    descriptor,
  }));
  const now = store.now().toISOString();
  for (const spec of PROJECTS) {
    const defaultTeamId = stableUuid(`team:${spec.name}:default`);
    const project: Project = {
      id: spec.id,
      name: spec.name,
      description: spec.description,
      processId: spec.processId,
      visibility: 'private',
      revision: 400 + store.projects.size,
      lastUpdateTime: now,
      defaultTeamId,
    };
    store.projects.set(project.id, project);
    store.teams.set(defaultTeamId, {
      id: defaultTeamId,
      name: `${spec.name} Team`,
      description: 'The default project team.',
      projectId: project.id,
    });
    for (const name of spec.teams) {
      const id = stableUuid(`team:${spec.name}:${name}`);
      store.teams.set(id, {
        id,
        name,
        description: `${name} of ${spec.name}`,
        projectId: project.id,
      });
    }
    store.trees.set(project.id, {
      areas: buildTree(store, spec.name, 'area', spec.areas),
      iterations: buildTree(store, spec.name, 'iteration', spec.iterations),
    });
  }
  seedWorkItems(store, options);
}

const add = (field: string, value: unknown) => ({
  op: 'add' as const,
  path: `/fields/${field}`,
  value,
});
const parent = (id: number) => ({
  op: 'add' as const,
  path: '/relations/-',
  value: { rel: 'System.LinkTypes.Hierarchy-Reverse', url: `vsim:/_apis/wit/workItems/${id}` },
});

function seedWorkItems(store: Store, options: SeedOptions): void {
  const userId = DEFAULT_USERS[0]!.id;
  const roadmap = store.project(SEED_IDS.projects.roadmap);
  const create = (project: Project, type: string, ops: Parameters<Store['createWorkItem']>[2]) =>
    store.createWorkItem(project, type, ops, { userId }).item.id;

  create(roadmap, 'Epic', [
    add('System.Title', 'Self-serve roadmap exports'),
    add('System.AreaPath', 'Roadmap Demo\\Web'),
  ]);
  create(roadmap, 'Feature', [
    add('System.Title', 'Bulk export of roadmap items'),
    add('System.Description', '<div>Let product managers export the whole roadmap as CSV.</div>'),
    add('System.AreaPath', 'Roadmap Demo\\Web'),
    add('System.IterationPath', 'Roadmap Demo\\Release 1'),
    add('System.Tags', 'roadmap; export'),
    parent(1),
  ]);
  create(roadmap, 'User Story', [
    add('System.Title', 'Export as CSV'),
    add('System.AreaPath', 'Roadmap Demo\\Web\\Frontend'),
    add('System.IterationPath', 'Roadmap Demo\\Release 1\\Sprint 1'),
    add('Microsoft.VSTS.Scheduling.StoryPoints', 3),
    parent(2),
  ]);
  create(roadmap, 'User Story', [
    add('System.Title', 'Export as XLSX'),
    add('System.AreaPath', 'Roadmap Demo\\Web\\Backend'),
    add('System.State', 'Active'),
    add('System.AssignedTo', DEFAULT_USERS[1]!.uniqueName),
    parent(2),
  ]);
  create(roadmap, 'Task', [add('System.Title', 'Write the CSV serialiser'), parent(3)]);
  create(store.project(SEED_IDS.projects.platform), 'Product Backlog Item', [
    add('System.Title', 'Rate-limit the public API'),
    add('System.AreaPath', 'Platform\\API'),
  ]);
  create(store.project(SEED_IDS.projects.operations), 'Issue', [
    add('System.Title', 'Rotate the on-call schedule'),
    add('System.AreaPath', 'Operations\\Support'),
  ]);
  create(store.project(SEED_IDS.projects.compliance), 'Feature', [
    add('System.Title', 'Quarterly access review'),
    add('Custom.RiskLevel', 'High'),
    add('System.AreaPath', 'Compliance\\Audits'),
  ]);
  for (let i = 1; i <= (options.extraWorkItems ?? 0); i++) {
    create(roadmap, 'User Story', [
      add('System.Title', `Generated story ${i}`),
      add('System.AreaPath', 'Roadmap Demo\\Mobile'),
    ]);
  }
}
