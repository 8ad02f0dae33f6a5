/**
 * A workspace's schema as the wizard needs it: the record types, their fields (required,
 * read-only, allowed values) and workflow states. Cached for a few minutes per workspace, since
 * writes consult it too (state names, field names).
 */
import type { FieldDef, RecordScope, RecordType, StateDef } from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import { TtlCache } from './cache.ts';
import { isSpanDate } from './dates.ts';
import { isPortfolioItem, parentFieldsOf, recordTypeIds } from './types.ts';
import type { RallyObject, Wsapi } from './wsapi-client.ts';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

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
      .filter((d) => d.creatable)
      .map(({ creatable: _, ...d }) => d);
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

const attributeFetch =
  'ElementName,Name,AttributeType,Required,ReadOnly,Hidden,Custom,Constrained,AllowedValues';
const attributeCache = new TtlCache<RallyObject[]>(5 * 60_000);

/** The AttributeDefinitions of a type (cached: writes check field names against them). */
function attributes(
  api: Wsapi,
  scope: RecordScope,
  type: string,
  fresh = false,
): Promise<RallyObject[]> {
  const key = `${api.base}|${scope.workspaceId}|${type.toLowerCase()}`;
  if (fresh) attributeCache.delete(key);
  return attributeCache.get(key, async () => {
    const def = await typeDefinition(api, scope, type);
    const all = await api.queryAll(
      `/TypeDefinition/${def.oid}/Attributes`,
      { fetch: attributeFetch },
      'listFields',
    );
    return all.filter((a) => a.Hidden !== true && str(a.ElementName) !== '');
  });
}

/** Attributes by element name, with whether Rally lets us write them. */
export async function attributesOf(
  api: Wsapi,
  scope: RecordScope,
  type: string,
): Promise<Map<string, { readOnly: boolean }>> {
  const all = await attributes(api, scope, type);
  return new Map(all.map((a) => [str(a.ElementName), { readOnly: a.ReadOnly === true }]));
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

/**
 * Fields Rally requires that the connector fills itself, so a mapping need not: the integrated
 * project, a new release's state (Planning) and the parent link.
 */
function suppliedByConnector(type: string, field: string): boolean {
  return (
    field === 'Project' ||
    (type === 'Release' && field === 'State') ||
    // Rally starts a new story or defect in its first schedule state (Defined) when none is sent.
    field === 'ScheduleState' ||
    parentFieldsOf(type).includes(field)
  );
}

export async function listFields(
  api: Wsapi,
  scope: RecordScope,
  type: string,
): Promise<FieldDef[]> {
  // The wizard's pre-flight check wants today's schema, not a cached one.
  const all = await attributes(api, scope, type, true);
  const states = isPortfolioItem(type) ? await listStates(api, scope, type) : [];
  const fields = await Promise.all(
    all.map(async (a): Promise<FieldDef> => {
      const values =
        str(a.AttributeType) === 'STATE' && isPortfolioItem(type)
          ? states.map((s) => s.name)
          : await allowedValues(api, a);
      const fieldType = fieldTypeOf(a, values !== null);
      return {
        name: str(a.ElementName),
        label: str(a.Name) || str(a.ElementName),
        type: fieldType,
        required: a.Required === true && !suppliedByConnector(type, str(a.ElementName)),
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
    const definition = (await attributes(api, scope, type)).find(
      (a) => str(a.ElementName) === attribute,
    );
    const values = (definition && (await allowedValues(api, definition))) ?? [];
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
