/** Building webhook deliveries in the shape Rally's webhook service ("pigeon") posts. */
import { createHash, randomUUID } from 'node:crypto';
import { type AttrDef, findType, type TypeSpec, typeSpec } from '../state/schema.ts';
import type { AttributeChange, ChangeEvent, RallyObject, Store } from '../state/store.ts';

/** Attribute UUIDs seen in real deliveries; the others are derived from the attribute name. */
const KNOWN_ATTRIBUTE_IDS: Record<string, string> = {
  ObjectUUID: 'c3d4f057-0781-4660-8ce7-bc8514bf0945',
  ObjectID: '2910ca71-9779-4e7b-8fcf-d718c919aff8',
  Name: '500a0d67-9c48-4145-920c-821033e4a832',
  FormattedID: '55c5512a-1518-4944-8597-3eb91875e8d1',
  Workspace: '17f72ea6-04fd-449e-925c-89ac079c0668',
  Subscription: 'f705ed17-9239-427e-8f34-10bbe088297e',
  Project: 'ae8ecc9f-b9a0-42a4-a6e3-c83d7f8a7070',
  Owner: '557393c4-131b-4df7-b01e-5319b11edd24',
  CreationDate: '95ac2b13-e4ee-413e-af83-42aaf4b53626',
  LastUpdateDate: '1160ddd6-86cf-4cce-883b-2465e993832a',
  VersionId: 'f5b1fb22-6c15-44b5-a592-19189fafe5f2',
  Tags: '6776da91-9729-42c7-bab1-395b596013f2',
  ScheduleState: 'aad205e0-2fbe-11e4-8c21-0800200c9a66',
  ScheduleStatePrefix: 'd958b461-4379-459e-3074-9cff3ce63a05',
  PlanEstimate: '7f25a8ae-6948-49a9-92f5-b437ca213251',
  Release: 'cbb5095f-fa47-43f3-a728-ed6326ccd665',
  Iteration: '639d9d96-b69b-41fa-9087-6379053fe091',
  InProgressDate: '132f4604-7855-4de7-8179-652e05f02fe5',
  FormattedIDPrefix: 'fd9e708c-402d-c1c8-9a4c-6c7802432ae5',
  CreatedBy: 'f005ba11-f005-ba11-f005-ba11f005ba11',
};

/** Type-specific attribute UUIDs seen in real deliveries. */
const KNOWN_PER_TYPE: Record<string, string> = {
  'HierarchicalRequirement.Recycled': '85f5ee6a-21b4-4fb0-8247-262e9adbc5c6',
  'PortfolioItem/Feature.Recycled': 'a5245298-8a3f-0297-0a0c-79c2acf41406',
};

function nameUuid(seed: string): string {
  const h = createHash('sha1').update(`rally-sim:${seed}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function attributeId(t: TypeSpec, a: AttrDef): string {
  const known = KNOWN_PER_TYPE[`${t.typePath}.${a.name}`] ?? KNOWN_ATTRIBUTE_IDS[a.name];
  if (known) return known;
  // Some built-ins differ per type (e.g. Recycled, DragAndDropRank, PI State): key those by type.
  const perType =
    a.name === 'Recycled' || a.name === 'DragAndDropRank' || a.name === 'State' || a.custom;
  return nameUuid(perType ? `${t.typePath}.${a.name}` : a.name);
}

export function findAttributeById(t: TypeSpec, id: string): AttrDef | undefined {
  return t.attrs.find((a) => attributeId(t, a) === id.toLowerCase());
}

export interface PayloadContext {
  store: Store;
  base: string;
}

function v2xRef(ctx: PayloadContext, o: RallyObject): string {
  return `${ctx.base}/slm/webservice/v2.x/${typeSpec(o.type).refPath}/${o.uuid}`;
}

export function detailLink(base: string, o: RallyObject): string {
  return `${base}/slm/#/detail/${typeSpec(o.type).detailPath}/${o.oid}`;
}

function objectValue(ctx: PayloadContext, oid: unknown): unknown {
  if (typeof oid !== 'number') return null;
  const x = ctx.store.get(oid);
  if (!x) return null;
  const t = typeSpec(x.type);
  const out: Record<string, unknown> = {
    name: ctx.store.displayName(x),
    ref: v2xRef(ctx, x),
    detail_link: detailLink(ctx.base, x),
    id: x.uuid,
    object_type: t.webhookName,
  };
  if (t.idPrefix) out.formatted_id = x.values.FormattedID;
  if (x.type === 'State') {
    out.order_index = x.values.OrderIndex;
    out.object_type = 'State';
  }
  return out;
}

function typeName(a: AttrDef): string {
  switch (a.type) {
    case 'STRING':
      return 'String';
    case 'TEXT':
      return 'Text';
    case 'RAW':
    case 'BINARY_DATA':
      return 'Raw';
    case 'INTEGER':
      return 'Integer';
    case 'DECIMAL':
      return 'Decimal';
    case 'BOOLEAN':
      return 'Boolean';
    case 'DATE':
      return 'Date';
    case 'QUANTITY':
      return 'Quantity';
    case 'RATING':
      return 'Rating';
    case 'STATE':
      return 'State';
    case 'COLLECTION':
      return 'Collection';
    case 'OBJECT': {
      const t = findType(a.target ?? '');
      return t ? (t.typePath === 'TypeDefinition' ? 'Type Definition' : t.webhookName) : 'Object';
    }
  }
}

function encode(ctx: PayloadContext, o: RallyObject, a: AttrDef, v: unknown): unknown {
  if (v === null || v === undefined) return a.type === 'COLLECTION' && !a.inverse ? [] : null;
  switch (a.type) {
    case 'QUANTITY':
      return typeof v === 'number' ? { value: v, units: a.units ?? 'Points' } : null;
    case 'RATING':
      return { value: v, ordinal_index: a.allowed ? a.allowed.indexOf(String(v)) : -1 };
    case 'STATE': {
      if (!a.allowed) return objectValue(ctx, v);
      const id = nameUuid(`${o.type}.${a.name}.${String(v)}`);
      return {
        name: v,
        ref: `${ctx.base}/slm/webservice/v2.x//${id}`,
        detail_link: null,
        id,
        order_index: a.allowed.indexOf(String(v)) + 1,
        object_type: 'State',
      };
    }
    case 'OBJECT':
      return objectValue(ctx, v);
    case 'COLLECTION':
      return Array.isArray(v) ? v.map((x) => objectValue(ctx, x)).filter(Boolean) : null;
    case 'STRING':
      return a.name === 'VersionId' ? Number(v) : v;
    default:
      return v;
  }
}

function entry(ctx: PayloadContext, o: RallyObject, a: AttrDef): Record<string, unknown> {
  const t = typeSpec(o.type);
  const isLargeCollection = a.type === 'COLLECTION' && Boolean(a.inverse);
  const isVersion = a.name === 'VersionId';
  return {
    value: isLargeCollection ? null : encode(ctx, o, a, o.values[a.name]),
    type: isVersion ? 'Integer' : typeName(a),
    name: a.name,
    display_name: a.display,
    ref:
      a.type === 'COLLECTION'
        ? `${ctx.base}/slm/webservice/v2.x/${t.typePath}/${o.oid}/${a.name}`
        : null,
  };
}

export function buildState(ctx: PayloadContext, o: RallyObject): Record<string, unknown> {
  const t = typeSpec(o.type);
  const state: Record<string, unknown> = {};
  for (const a of t.attrs) {
    if (a.hidden) continue;
    state[attributeId(t, a)] = entry(ctx, o, a);
  }
  return state;
}

export function buildChanges(
  ctx: PayloadContext,
  o: RallyObject,
  changes: AttributeChange[],
): Record<string, unknown> {
  const t = typeSpec(o.type);
  const out: Record<string, unknown> = {};
  for (const c of changes) {
    const base = entry(ctx, o, c.attr);
    out[attributeId(t, c.attr)] = {
      value: encode(ctx, o, c.attr, c.newValue),
      old_value: encode(ctx, o, c.attr, c.oldValue),
      added: c.added ? c.added.map((x) => objectValue(ctx, x)) : null,
      removed: c.removed ? c.removed.map((x) => objectValue(ctx, x)) : null,
      type: base.type,
      name: base.name,
      display_name: base.display_name,
      ref: base.ref,
    };
  }
  return out;
}

/** The `message` part of a delivery. `messageId` is shared by duplicates of one change. */
export function buildMessage(
  ctx: PayloadContext,
  e: ChangeEvent,
  subscriptionId: number,
  messageId: string = randomUUID(),
): Record<string, unknown> {
  const o = e.object;
  const t = typeSpec(o.type);
  const user = e.userOid !== null ? ctx.store.get(e.userOid) : undefined;
  const project =
    typeof o.values.Project === 'number' ? ctx.store.get(o.values.Project) : undefined;
  return {
    object_id: o.uuid,
    ref: v2xRef(ctx, o),
    object_type: t.webhookName,
    transaction: {
      trace_id: randomUUID(),
      timestamp: e.timestamp,
      user: user
        ? { uuid: user.uuid, username: user.values.UserName, email: user.values.EmailAddress }
        : null,
      message_id: messageId,
      parent_span_id: randomUUID(),
      span_id: randomUUID(),
      message_lag: 0,
    },
    state: buildState(ctx, o),
    subscription_id: subscriptionId,
    message_id: messageId,
    project: project ? { uuid: project.uuid, name: project.values.Name } : null,
    id: o.uuid,
    detail_link: detailLink(ctx.base, o),
    message_version: 2,
    changes: e.action === 'Updated' ? buildChanges(ctx, o, e.changes) : {},
    action: e.action,
  };
}
