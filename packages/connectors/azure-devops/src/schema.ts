/**
 * Work item types, fields and states of a project (they follow its process: Agile, Scrum,
 * Basic, or one inherited from them). Area and iteration paths are the allowed values of
 * `System.AreaPath` and `System.IterationPath`, so the wizard can offer them like any list.
 */
import type { FieldDef, RecordScope, RecordType, StateDef } from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import { type AdoClient, values } from './client.ts';
import { listAreas, listIterationPaths } from './discovery.ts';

/** Backlog levels, top down; a type's parents are the nearest level above it that exists. */
const levels: readonly (readonly string[])[] = [
  ['Epic'],
  ['Feature'],
  ['User Story', 'Product Backlog Item', 'Requirement', 'Issue', 'Bug'],
  ['Task'],
];

/** Types nobody plans a roadmap with. */
const hidden =
  /^(Test (Case|Plan|Suite)|Shared (Steps|Parameter)|Code Review (Request|Response)|Feedback (Request|Response)|Impediment)$/i;

interface WorkItemType {
  name: string;
  isDisabled?: boolean;
}

export function parentTypesOf(type: string, present: ReadonlySet<string>): string[] {
  const level = levels.findIndex((names) => names.includes(type));
  for (let above = level - 1; above >= 0; above -= 1) {
    const parents = (levels[above] ?? []).filter((name) => present.has(name));
    if (parents.length > 0) return parents;
  }
  return [];
}

const projectPath = (scope: RecordScope) => `/${encodeURIComponent(scope.workspaceId)}`;

export async function listRecordTypes(api: AdoClient, scope: RecordScope): Promise<RecordType[]> {
  const types = values(
    await api.get<{ value?: WorkItemType[] }>(
      `${projectPath(scope)}/_apis/wit/workitemtypes`,
      'listRecordTypes',
    ),
  ).filter((t) => !t.isDisabled && !hidden.test(t.name));
  const present = new Set(types.map((t) => t.name));
  return types.map((t) => ({
    id: t.name,
    label: t.name,
    parentTypes: parentTypesOf(t.name, present),
  }));
}

interface FieldInstance {
  referenceName: string;
  name: string;
  alwaysRequired?: boolean;
  allowedValues?: unknown[];
}

interface FieldInfo {
  referenceName: string;
  type?: string;
  readOnly?: boolean;
  isPicklist?: boolean;
}

const typeMap: Record<string, FieldDef['type']> = {
  string: 'string',
  plainText: 'text',
  html: 'html',
  integer: 'number',
  double: 'number',
  dateTime: 'datetime',
  boolean: 'boolean',
  identity: 'user',
  treePath: 'string',
};

/** Fields Azure DevOps fills in on every save; a mapping may read them, never write them. */
const computed = new Set([
  'System.Id',
  'System.Rev',
  'System.TeamProject',
  'System.WorkItemType',
  'System.CreatedDate',
  'System.CreatedBy',
  'System.ChangedDate',
  'System.ChangedBy',
  'System.AuthorizedDate',
  'System.RevisedDate',
  'System.Watermark',
  'System.CommentCount',
  'System.AreaId',
  'System.IterationId',
  'System.NodeName',
]);

export async function listFields(
  api: AdoClient,
  scope: RecordScope,
  type: string,
): Promise<FieldDef[]> {
  const [instances, infos] = await Promise.all([
    api
      .get<{ value?: FieldInstance[] }>(
        `${projectPath(scope)}/_apis/wit/workitemtypes/${encodeURIComponent(type)}/fields`,
        'listFields',
        { $expand: 'allowedValues' },
      )
      .then(values),
    api.get<{ value?: FieldInfo[] }>('/_apis/wit/fields', 'listFields').then(values),
  ]);
  const info = new Map(infos.map((f) => [f.referenceName, f]));
  const out: FieldDef[] = [];
  for (const field of instances) {
    const about = info.get(field.referenceName);
    const allowed = (field.allowedValues ?? []).map(String);
    let allowedValues: string[] | null = allowed.length > 0 ? allowed : null;
    if (field.referenceName === 'System.AreaPath') {
      const flat: string[] = [];
      const walk = (nodes: Awaited<ReturnType<typeof listAreas>>) => {
        for (const node of nodes) {
          flat.push(node.id);
          walk(node.children);
        }
      };
      walk(await listAreas(api, scope.workspaceId));
      allowedValues = flat;
    }
    if (field.referenceName === 'System.IterationPath') {
      allowedValues = await listIterationPaths(api, scope.workspaceId);
    }
    const mapped = typeMap[about?.type ?? 'string'] ?? 'other';
    out.push({
      name: field.referenceName,
      label: field.name,
      type: allowedValues || about?.isPicklist ? 'enum' : mapped,
      required: field.alwaysRequired === true,
      readOnly: about?.readOnly === true || computed.has(field.referenceName),
      allowedValues: allowedValues ?? (about?.isPicklist ? [] : null),
    });
  }
  // The parent is a Hierarchy link; the connector reads and writes it as this field.
  const parent: FieldDef = {
    name: 'System.Parent',
    label: 'Parent',
    type: 'reference',
    required: false,
    readOnly: false,
    allowedValues: null,
  };
  const at = out.findIndex((f) => f.name === parent.name);
  if (at >= 0) out[at] = parent;
  else if (out.length > 0) out.push(parent);
  if (out.length === 0) {
    throw new RemoteError('not_found', `Azure DevOps has no work item type ${type} here`, {
      retryable: false,
    });
  }
  return out;
}

interface WorkItemState {
  name: string;
  category?: string;
}

const categories: Record<string, StateDef['category']> = {
  Proposed: 'todo',
  InProgress: 'in_progress',
  Resolved: 'in_progress',
  Completed: 'done',
  Removed: 'removed',
};

export async function listStates(
  api: AdoClient,
  scope: RecordScope,
  type: string,
): Promise<StateDef[]> {
  const states = values(
    await api.get<{ value?: WorkItemState[] }>(
      `${projectPath(scope)}/_apis/wit/workitemtypes/${encodeURIComponent(type)}/states`,
      'listStates',
    ),
  );
  return states.map((s, order) => ({
    id: s.name,
    name: s.name,
    category: categories[s.category ?? ''] ?? null,
    order,
  }));
}
