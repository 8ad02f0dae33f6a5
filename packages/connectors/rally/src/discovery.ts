/**
 * What the wizard shows: who is connected, the workspaces and project tree they can see, the
 * record types of a workspace, their fields (required, allowed values) and workflow states.
 */
import type {
  FieldDef,
  ProjectNode,
  RecordScope,
  RecordType,
  StateDef,
  WhoAmI,
  Workspace,
} from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import { TtlCache } from './cache.ts';
import { isSpanDate } from './dates.ts';
import { idOfRef } from './refs.ts';
import { isPortfolioItem, recordTypeIds } from './types.ts';
import type { RallyObject, Wsapi } from './wsapi-client.ts';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function whoAmI(api: Wsapi): Promise<WhoAmI> {
  const user = await api.read(
    '/user',
    { fetch: 'ObjectID,ObjectUUID,UserName,DisplayName,EmailAddress,FirstName,LastName' },
    'checkConnection',
  );
  const name = str(user.DisplayName) || `${str(user.FirstName)} ${str(user.LastName)}`.trim();
  const email = str(user.EmailAddress) || str(user.UserName);
  return {
    // The UUID, because webhook deliveries name their author by UUID (echo detection).
    userId: str(user.ObjectUUID) || String(user.ObjectID),
    displayName: name || str(user.UserName),
    ...(email ? { email } : {}),
  };
}

export async function listWorkspaces(api: Wsapi): Promise<Workspace[]> {
  const subscription = await api.read(
    '/subscription',
    { fetch: 'ObjectID,Workspaces' },
    'listWorkspaces',
  );
  const workspaces = await api.queryAll(
    `/Subscription/${subscription.ObjectID}/Workspaces`,
    { fetch: 'ObjectID,Name,State', order: 'Name' },
    'listWorkspaces',
  );
  return workspaces
    .filter((w) => w.State === undefined || w.State === 'Open')
    .map((w) => ({ id: String(w.ObjectID), name: str(w.Name) }));
}

export async function listProjects(api: Wsapi, workspaceId: string): Promise<ProjectNode[]> {
  const projects = await api.queryAll(
    '/project',
    {
      workspace: `/workspace/${workspaceId}`,
      query: '(State = "Open")',
      fetch: 'ObjectID,Name,Parent,State',
      order: 'Name',
    },
    'listProjects',
  );
  const nodes = new Map<string, ProjectNode>();
  for (const p of projects) {
    const id = String(p.ObjectID);
    nodes.set(id, { id, name: str(p.Name), parentId: idOfRef(p.Parent), children: [] });
  }
  const roots: ProjectNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push({ ...node, parentId: null, children: node.children });
  }
  return roots;
}

interface TypeDef {
  oid: string;
  typePath: string;
  name: string;
  ordinal: number;
}

const typeDefs = new TtlCache<TypeDef[]>(5 * 60_000);

async function typeDefinitions(api: Wsapi, workspaceId: string): Promise<TypeDef[]> {
  return typeDefs.get(`${api.base}|${workspaceId}`, async () => {
    const defs = await api.queryAll(
      '/typedefinition',
      {
        workspace: `/workspace/${workspaceId}`,
        fetch: 'ObjectID,Name,DisplayName,TypePath,ElementName,Ordinal,Creatable',
      },
      'listRecordTypes',
    );
    return defs
      .map((d) => ({
        oid: String(d.ObjectID),
        typePath: str(d.TypePath),
        name: str(d.DisplayName) || str(d.Name),
        ordinal: typeof d.Ordinal === 'number' ? d.Ordinal : -1,
        creatable: d.Creatable !== false,
      }))
      .filter((d) => d.creatable);
  });
}

export async function listRecordTypes(api: Wsapi, scope: RecordScope): Promise<RecordType[]> {
  const defs = await typeDefinitions(api, scope.workspaceId);
  const portfolio = defs
    .filter((d) => isPortfolioItem(d.typePath) && d.ordinal >= 0)
    .sort((a, b) => a.ordinal - b.ordinal);
  const lowest = portfolio[0]?.typePath;
  const supported = new Set<string>([...recordTypeIds, ...portfolio.map((d) => d.typePath)]);
  const label = (d: TypeDef) => (d.typePath === 'HierarchicalRequirement' ? 'User Story' : d.name);
  const parentsOf = (d: TypeDef): string[] => {
    if (isPortfolioItem(d.typePath)) {
      const above = portfolio.find((p) => p.ordinal === d.ordinal + 1);
      return above ? [above.typePath] : [];
    }
    if (d.typePath === 'HierarchicalRequirement') {
      return [...(lowest ? [lowest] : []), 'HierarchicalRequirement'];
    }
    if (d.typePath === 'Task') return ['HierarchicalRequirement', 'Defect'];
    if (d.typePath === 'Defect') return ['HierarchicalRequirement'];
    return [];
  };
  return defs
    .filter((d) => supported.has(d.typePath))
    .map((d) => ({ id: d.typePath, label: label(d), parentTypes: parentsOf(d) }));
}

async function typeDefinition(api: Wsapi, scope: RecordScope, type: string): Promise<TypeDef> {
  const def = (await typeDefinitions(api, scope.workspaceId)).find(
    (d) => d.typePath.toLowerCase() === type.toLowerCase(),
  );
  if (!def)
    throw new RemoteError('not_found', `Rally has no record type ${type} in this workspace`);
  return def;
}

const attributeCache = new TtlCache<Map<string, { readOnly: boolean }>>(5 * 60_000);

/** The writable-or-not attributes of a type, by element name (cached: checked on every write). */
export function attributesOf(
  api: Wsapi,
  scope: RecordScope,
  type: string,
): Promise<Map<string, { readOnly: boolean }>> {
  return attributeCache.get(`${api.base}|${scope.workspaceId}|${type.toLowerCase()}`, async () => {
    const def = await typeDefinition(api, scope, type);
    const attributes = await api.queryAll(
      `/TypeDefinition/${def.oid}/Attributes`,
      { fetch: 'ElementName,ReadOnly' },
      'checkFields',
    );
    return new Map(attributes.map((a) => [str(a.ElementName), { readOnly: a.ReadOnly === true }]));
  });
}

const fieldTypeOf = (attribute: RallyObject, hasValues: boolean): FieldDef['type'] => {
  const name = str(attribute.ElementName);
  switch (str(attribute.AttributeType)) {
    case 'STRING':
      return hasValues ? 'enum' : 'string';
    case 'TEXT':
      return 'html';
    case 'INTEGER':
    case 'DECIMAL':
    case 'QUANTITY':
      return 'number';
    case 'BOOLEAN':
      return 'boolean';
    case 'DATE':
      return isSpanDate(name) ? 'date' : 'datetime';
    case 'RATING':
    case 'STATE':
      return 'enum';
    case 'OBJECT':
      return name === 'Owner' || name === 'SubmittedBy' ? 'user' : 'reference';
    case 'RAW':
      return 'string';
    default:
      return 'other';
  }
};

async function allowedValues(api: Wsapi, attribute: RallyObject): Promise<string[] | null> {
  const stub = attribute.AllowedValues;
  if (Array.isArray(stub)) return stub.map((v) => str((v as RallyObject).StringValue));
  if (!stub || typeof stub !== 'object') return null;
  const { _ref: ref, Count: count } = stub as RallyObject & { Count?: number };
  if (!ref || count === 0) return null;
  const values = await api.queryAll(
    new URL(ref).pathname.replace(/^.*\/v2\.0/, ''),
    { fetch: 'StringValue', order: 'ValueIndex' },
    'listFields',
  );
  return values.length > 0 ? values.map((v) => str(v.StringValue)) : null;
}

export async function listFields(
  api: Wsapi,
  scope: RecordScope,
  type: string,
): Promise<FieldDef[]> {
  const def = await typeDefinition(api, scope, type);
  const attributes = await api.queryAll(
    `/TypeDefinition/${def.oid}/Attributes`,
    {
      fetch:
        'ElementName,Name,AttributeType,Required,ReadOnly,Hidden,Custom,Constrained,AllowedValues',
    },
    'listFields',
  );
  const states = isPortfolioItem(type) ? await listStates(api, scope, type) : [];
  const fields = await Promise.all(
    attributes
      .filter((a) => a.Hidden !== true && str(a.ElementName) !== '')
      .map(async (a): Promise<FieldDef> => {
        const values =
          str(a.AttributeType) === 'STATE' && isPortfolioItem(type)
            ? states.map((s) => s.name)
            : await allowedValues(api, a);
        const fieldType = fieldTypeOf(a, values !== null);
        return {
          name: str(a.ElementName),
          label: str(a.Name) || str(a.ElementName),
          type: fieldType,
          required: a.Required === true,
          readOnly: a.ReadOnly === true,
          allowedValues: fieldType === 'enum' ? (values ?? []) : null,
        };
      }),
  );
  const seen = new Set<string>();
  return fields.filter((f) => !seen.has(f.name) && seen.add(f.name));
}

const doneName = /^(done|accepted|released|closed|complete|completed)$/i;

function categoryOf(name: string, index: number, count: number): StateDef['category'] {
  if (doneName.test(name) && name.toLowerCase() !== 'completed') return 'done';
  if (/^(idea|defined|discovering|submitted|planning|backlog|new)$/i.test(name) || index === 0) {
    return 'todo';
  }
  if (index === count - 1) return 'done';
  return 'in_progress';
}

const stateCache = new TtlCache<StateDef[]>(5 * 60_000);

/** Portfolio items: `State` objects; stories and defects: `ScheduleState`; others: `State`. */
export function listStates(api: Wsapi, scope: RecordScope, type: string): Promise<StateDef[]> {
  return stateCache.get(`${api.base}|${scope.workspaceId}|${type}`, async () => {
    if (isPortfolioItem(type)) {
      const states = await api.queryAll(
        '/state',
        {
          workspace: `/workspace/${scope.workspaceId}`,
          query: `(TypeDef.TypePath = "${type}")`,
          fetch: 'ObjectID,Name,OrderIndex,Enabled',
          order: 'OrderIndex',
        },
        'listStates',
      );
      const enabled = states.filter((s) => s.Enabled !== false);
      return enabled.map((s, i) => ({
        id: String(s.ObjectID),
        name: str(s.Name),
        category: categoryOf(str(s.Name), i, enabled.length),
        order: typeof s.OrderIndex === 'number' ? s.OrderIndex : i,
      }));
    }
    const attribute =
      type === 'HierarchicalRequirement' || type === 'Defect' ? 'ScheduleState' : 'State';
    const fields = await listFieldsRaw(api, scope, type);
    const values = fields.get(attribute) ?? [];
    return values
      .filter((v) => v !== '')
      .map((name, i, all) => ({
        id: name,
        name,
        category: categoryOf(name, i, all.length),
        order: i,
      }));
  });
}

async function listFieldsRaw(
  api: Wsapi,
  scope: RecordScope,
  type: string,
): Promise<Map<string, string[]>> {
  const def = await typeDefinition(api, scope, type);
  const attributes = await api.queryAll(
    `/TypeDefinition/${def.oid}/Attributes`,
    { fetch: 'ElementName,AttributeType,AllowedValues' },
    'listStates',
  );
  const out = new Map<string, string[]>();
  for (const a of attributes) {
    if (str(a.ElementName) !== 'ScheduleState' && str(a.ElementName) !== 'State') continue;
    out.set(str(a.ElementName), (await allowedValues(api, a)) ?? []);
  }
  return out;
}
