/**
 * The in-memory Rally: objects, validation of writes, derived fields and roll-ups, ranks,
 * the recycle bin. Every committed write emits one change event per object whose values changed
 * (webhooks listen to these).
 */
import { randomUUID } from 'node:crypto';
import { MSG, RallyError, ValidationError } from '../errors.ts';
import { RankOrder } from './rank-order.ts';
import { ReferenceIndex } from './reference-index.ts';
import { ReferrerIndex, scanOrder } from './referrer-index.ts';
import { parseRef } from './refs.ts';
import {
  type AttrDef,
  CONCRETE_TYPES,
  concreteTypesOf,
  findAttr,
  findType,
  isAssignable,
  SCHEDULE_STATES,
  type TypeSpec,
  typeSpec,
} from './schema.ts';

export type Values = Record<string, unknown>;

export interface RallyObject {
  oid: number;
  uuid: string;
  type: string;
  version: number;
  values: Values;
}

export interface StoreSnapshot {
  nextOid: number;
  counters: Record<string, number>;
  objects: RallyObject[];
  /** Artifacts in the recycle bin (their RecycleBinEntry carries the same ObjectID). */
  recycled?: RallyObject[];
}

export type ChangeAction = 'Created' | 'Updated' | 'Deleted';

export interface AttributeChange {
  attr: AttrDef;
  oldValue: unknown;
  newValue: unknown;
  added?: number[];
  removed?: number[];
}

export interface ChangeEvent {
  action: ChangeAction;
  object: RallyObject;
  changes: AttributeChange[];
  userOid: number | null;
  timestamp: number;
}

export interface WriteContext {
  userOid: number | null;
  /** Default workspace for creates (from the `workspace` parameter or the user's profile). */
  workspaceOid?: number;
  warnings: string[];
  /** Key of the body as sent, used in "Ignored JSON element" warnings. */
  bodyKey?: string;
}

export type RankSpec = { above: number } | { below: number } | { to: 'TOP' | 'BOTTOM' };

const SCHEDULE_PREFIX: Record<string, string> = {
  Defined: 'D',
  'In-Progress': 'P',
  Completed: 'C',
  Accepted: 'A',
};
const RANK_STEP = 1 << 20;
const RANK_ALPHABET =
  '!#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const HTML_BLACKLIST = /<\s*(script|iframe|object|embed)\b|javascript:|\son\w+\s*=/i;
const RANKABLE_TYPES = new Map(
  CONCRETE_TYPES.filter((t) => t.rankable).map((t, i) => [t.typePath, i] as const),
);

/** Encode a non-negative integer rank as a fixed-width, lexically sortable string. */
export function encodeRank(n: number): string {
  const base = RANK_ALPHABET.length;
  let out = '';
  let v = Math.max(0, Math.floor(n));
  for (let i = 0; i < 10; i++) {
    out = RANK_ALPHABET[v % base] + out;
    v = Math.floor(v / base);
  }
  return `P${out}`;
}

export class Store {
  private objects = new Map<number, RallyObject>();
  private byUuid = new Map<string, number>();
  private byType = new Map<string, Set<number>>();
  private recycled = new Map<number, RallyObject>();
  /** Insertion sequence by ObjectID: the order in which `objects` and `byType` iterate. */
  private seq = new Map<number, number>();
  private nextSeq = 0;
  // Indexes are built by a scan on first use, then kept current: writes mark the objects they
  // change stale, and every read of an index files the stale objects again first.
  private indexes = new Map<string, ReferrerIndex>();
  private indexesByType = new Map<string, ReferrerIndex[]>();
  private references: ReferenceIndex | null = null;
  private rankOrder: RankOrder | null = null;
  private stale = new Set<RallyObject>();
  private maxRank: number | null = null;
  private nextOid = 10_000_000_001;
  private counters: Record<string, number> = {};
  private listeners: Array<(e: ChangeEvent) => void> = [];
  readonly now: () => Date;
  private readonly incremental: boolean;

  /**
   * `incrementalIndexes: false` rebuilds an index by a scan on every read: the reference the
   * incremental indexes are tested against.
   */
  constructor(now: () => Date = () => new Date(), options: { incrementalIndexes?: boolean } = {}) {
    this.now = now;
    this.incremental = options.incrementalIndexes ?? true;
    for (const t of CONCRETE_TYPES) this.byType.set(t.typePath, new Set());
  }

  onChange(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  // ---- reading ------------------------------------------------------------------------------

  get(oid: number): RallyObject | undefined {
    return this.objects.get(oid);
  }

  getByUuid(uuid: string): RallyObject | undefined {
    const oid = this.byUuid.get(uuid.toLowerCase());
    return oid === undefined ? undefined : this.objects.get(oid);
  }

  /** Find a live (not recycled) object by ObjectID or ObjectUUID, optionally checking its type. */
  find(id: number | string, type?: TypeSpec): RallyObject | undefined {
    const o = typeof id === 'number' ? this.get(id) : this.getByUuid(id);
    if (!o || o.values.Recycled === true) return undefined;
    if (type && !isAssignable(type.typePath, o.type)) return undefined;
    return o;
  }

  /** Resolve a ref (string, `{_ref}`) to a live object. */
  resolveRef(ref: unknown): RallyObject | undefined {
    const p = parseRef(ref);
    if (!p) return undefined;
    const t = findType(p.type);
    if (!t) return undefined;
    return this.find(p.id, t);
  }

  /** All live objects of a (possibly abstract) type. */
  *list(t: TypeSpec): Iterable<RallyObject> {
    for (const tp of concreteTypesOf(t)) {
      const set = this.byType.get(tp);
      if (!set) continue;
      for (const oid of set) {
        const o = this.objects.get(oid);
        if (o && o.values.Recycled !== true) yield o;
      }
    }
  }

  /** Members of a collection attribute (stored or computed from the inverse reference). */
  collection(o: RallyObject, attr: AttrDef): RallyObject[] {
    if (attr.inverse)
      return [...(this.referrers(attr.target ?? '', attr.inverse).get(o.oid) ?? [])];
    const ids = (o.values[attr.name] as number[] | undefined) ?? [];
    return ids
      .map((id) => this.get(id))
      .filter((x): x is RallyObject => Boolean(x && x.values.Recycled !== true));
  }

  collectionCount(o: RallyObject, attr: AttrDef): number {
    if (!attr.inverse) return this.collection(o, attr).length;
    return this.referrers(attr.target ?? '', attr.inverse).get(o.oid)?.length ?? 0;
  }

  /** Objects of `typePath` (possibly abstract) by the ObjectID their `attr` points to. */
  referrers(typePath: string, attr: string): ReadonlyMap<number, readonly RallyObject[]> {
    this.flush();
    const key = `${typePath}.${attr}`;
    let index = this.indexes.get(key);
    if (!index) {
      const t = typeSpec(typePath);
      const types = concreteTypesOf(t);
      index = new ReferrerIndex(attr, types);
      for (const x of this.list(t)) index.refile(x, this.liveSeq(x));
      this.indexes.set(key, index);
      for (const tp of types) {
        const list = this.indexesByType.get(tp);
        if (list) list.push(index);
        else this.indexesByType.set(tp, [index]);
      }
    }
    return index.buckets;
  }

  /** Live objects holding `oid` in a reference or a stored collection, in scan order. */
  private referencing(oid: number): RallyObject[] {
    this.flush();
    if (!this.references) {
      this.references = new ReferenceIndex();
      for (const o of this.objects.values()) this.references.refile(o, this.liveSeq(o) !== null);
    }
    return this.references
      .referencing(oid)
      .sort((a, b) => (this.seq.get(a.oid) ?? 0) - (this.seq.get(b.oid) ?? 0));
  }

  private ranks(): RankOrder {
    this.flush();
    if (!this.rankOrder) {
      const entries: Array<{ o: RallyObject; order: number }> = [];
      for (const tp of RANKABLE_TYPES.keys()) {
        for (const o of this.list(typeSpec(tp))) {
          const order = this.rankOrderOf(o);
          if (order !== null) entries.push({ o, order });
        }
      }
      this.rankOrder = RankOrder.of(entries);
    }
    return this.rankOrder;
  }

  /** A write changed `o` or added or removed it: indexes file it again before their next read. */
  markStale(o: RallyObject): void {
    if (this.indexes.size > 0 || this.references || this.rankOrder) this.stale.add(o);
  }

  /** Drop every index (bulk loads and recomputes); the next read builds it again by a scan. */
  invalidate(): void {
    this.indexes.clear();
    this.indexesByType.clear();
    this.references = null;
    this.rankOrder = null;
    this.stale.clear();
  }

  private flush(): void {
    if (!this.incremental) this.invalidate();
    if (this.stale.size === 0) return;
    for (const o of this.stale) {
      const seq = this.liveSeq(o);
      for (const index of this.indexesByType.get(o.type) ?? []) index.refile(o, seq);
      this.references?.refile(o, seq !== null);
      this.rankOrder?.refile(o, this.rankOrderOf(o));
    }
    this.stale.clear();
  }

  /** The insertion sequence of a live object (one `list` yields); null for any other. */
  private liveSeq(o: RallyObject): number | null {
    if (this.objects.get(o.oid) !== o || o.values.Recycled === true) return null;
    return this.seq.get(o.oid) ?? null;
  }

  private rankOrderOf(o: RallyObject): number | null {
    const typeRank = RANKABLE_TYPES.get(o.type);
    const seq = this.liveSeq(o);
    return typeRank === undefined || seq === null ? null : scanOrder(typeRank, seq);
  }

  displayName(o: RallyObject): string {
    const v = o.values;
    if (o.type === 'User') return String(v.DisplayName || v.UserName || '');
    if (o.type === 'AllowedAttributeValue') return String(v.StringValue ?? '');
    if (o.type === 'AttributeDefinition') return String(v.Name ?? '');
    return typeof v.Name === 'string' ? v.Name : '';
  }

  /** Project and all its descendants. */
  projectDescendants(projectOid: number): Set<number> {
    const out = new Set<number>([projectOid]);
    const children = this.referrers('Project', 'Parent');
    const queue = [projectOid];
    for (let i = 0; i < queue.length; i++) {
      for (const p of children.get(queue[i] as number) ?? []) {
        if (out.has(p.oid)) continue;
        out.add(p.oid);
        queue.push(p.oid);
      }
    }
    return out;
  }

  projectAncestors(projectOid: number): Set<number> {
    const out = new Set<number>();
    let cur: number | null = projectOid;
    while (cur !== null && !out.has(cur)) {
      out.add(cur);
      cur = (this.get(cur)?.values.Parent as number | null) ?? null;
    }
    return out;
  }

  // ---- snapshot -----------------------------------------------------------------------------

  snapshot(): StoreSnapshot {
    return {
      nextOid: this.nextOid,
      counters: { ...this.counters },
      objects: [...this.objects.values()].map((o) => structuredClone(o)),
      recycled: [...this.recycled.values()].map((o) => structuredClone(o)),
    };
  }

  load(s: StoreSnapshot): void {
    this.objects.clear();
    this.byUuid.clear();
    this.seq.clear();
    for (const set of this.byType.values()) set.clear();
    this.nextOid = s.nextOid;
    this.counters = { ...s.counters };
    this.maxRank = null;
    this.invalidate();
    for (const o of s.objects) this.insert(structuredClone(o));
    this.recycled = new Map((s.recycled ?? []).map((o) => [o.oid, structuredClone(o)]));
  }

  /** A deleted artifact as it was when it went to the recycle bin. */
  recycledObject(oid: number): RallyObject | undefined {
    return this.recycled.get(oid);
  }

  private insert(o: RallyObject): void {
    const prev = this.objects.get(o.oid);
    if (prev) this.markStale(prev);
    // Replacing an ObjectID keeps its place in `objects`, so it keeps its sequence.
    else this.seq.set(o.oid, this.nextSeq++);
    this.objects.set(o.oid, o);
    this.byUuid.set(o.uuid, o.oid);
    this.byType.get(o.type)?.add(o.oid);
    this.markStale(o);
  }

  // ---- seeding (no validation, no events) ----------------------------------------------------

  /** Insert an object directly (seed data). Missing defaults and derived fields are filled in. */
  seed(type: string, values: Values, ids: { oid?: number; uuid?: string } = {}): RallyObject {
    const t = typeSpec(type);
    const oid = ids.oid ?? this.allocOid();
    if (oid >= this.nextOid) this.nextOid = oid + 1;
    const o: RallyObject = {
      oid,
      uuid: ids.uuid ?? randomUUID(),
      type: t.typePath,
      version: 1,
      values: {},
    };
    const now = this.now().toISOString();
    for (const a of t.attrs) {
      if (a.type === 'COLLECTION' && !a.inverse) o.values[a.name] = [];
      else if (a.type !== 'COLLECTION') o.values[a.name] = a.default ?? null;
    }
    Object.assign(o.values, values);
    o.values.ObjectID = oid;
    o.values.ObjectUUID = o.uuid;
    o.values.CreationDate ??= now;
    if ('LastUpdateDate' in o.values) o.values.LastUpdateDate ??= now;
    if (t.idPrefix && !o.values.FormattedID)
      o.values.FormattedID = this.nextFormattedId(t, o.values.Workspace as number);
    if (t.idPrefix && 'FormattedIDPrefix' in o.values) o.values.FormattedIDPrefix = t.idPrefix;
    if (t.rankable && !o.values.DragAndDropRank) o.values.DragAndDropRank = this.nextBottomRank();
    if (t.rankable) this.noteRank(String(o.values.DragAndDropRank));
    this.insert(o);
    o.values.VersionId = String(o.version);
    return o;
  }

  /** Re-run every roll-up (after seeding): features of stories first, then everything else. */
  recomputeAll(): void {
    this.invalidate();
    const stories = [...this.list(typeSpec('HierarchicalRequirement'))];
    for (let pass = 0; pass < 8; pass++) {
      let changed = false;
      for (const o of stories) changed = this.deriveFeature(o) || changed;
      if (!changed) break;
    }
    this.invalidate();
    const order = (o: RallyObject) =>
      o.type === 'HierarchicalRequirement' || o.type === 'Defect'
        ? 0
        : o.type === 'PortfolioItem/Feature'
          ? 1
          : 2;
    const all = [...this.objects.values()].sort((a, b) => order(a) - order(b));
    // Parent stories roll up from children: repeat for nested levels.
    for (let pass = 0; pass < 4; pass++)
      for (const o of all) if (order(o) === 0) this.derive(o, false);
    for (const o of all) if (order(o) > 0) this.derive(o, false);
    this.invalidate();
  }

  /** A story's read-only Feature: its own PortfolioItem, else its parent's Feature. */
  private deriveFeature(o: RallyObject): boolean {
    const v = o.values;
    const parent = typeof v.Parent === 'number' ? this.get(v.Parent) : undefined;
    const feature =
      (v.PortfolioItem as number | null) ?? (parent?.values.Feature as number | null) ?? null;
    if (v.Feature === feature) return false;
    v.Feature = feature;
    return true;
  }

  setCounter(workspaceOid: number, prefix: string, value: number): void {
    this.counters[`${workspaceOid}:${prefix}`] = value;
  }

  private allocOid(): number {
    return this.nextOid++;
  }

  private nextFormattedId(t: TypeSpec, workspaceOid: number): string {
    const key = `${workspaceOid}:${t.idPrefix}`;
    const n = (this.counters[key] ?? 0) + 1;
    this.counters[key] = n;
    return `${t.idPrefix}${n}`;
  }

  // ---- writes -------------------------------------------------------------------------------

  create(type: TypeSpec, input: Values, ctx: WriteContext, rank?: RankSpec): RallyObject {
    if (!type.creatable || type.subtypes) {
      throw new ValidationError(`Cannot create object of type ${type.typePath}`, {
        envelope: 'CreateResult',
      });
    }
    const tx = new Transaction(this);
    const oid = this.allocOid();
    const o: RallyObject = { oid, uuid: randomUUID(), type: type.typePath, version: 0, values: {} };
    const now = this.now().toISOString();
    for (const a of type.attrs) {
      if (a.type === 'COLLECTION' && !a.inverse) o.values[a.name] = [];
      else if (a.type !== 'COLLECTION') o.values[a.name] = a.default ?? null;
    }
    o.values.ObjectID = oid;
    o.values.ObjectUUID = o.uuid;
    o.values.CreationDate = now;
    o.values.Subscription = this.subscriptionOid();
    if ('CreatedBy' in o.values) o.values.CreatedBy = ctx.userOid;
    // New artifacts are owned by their creator unless an Owner is given.
    if (type.artifact && 'Owner' in o.values) o.values.Owner = ctx.userOid;
    const errors = this.applyInput(type, o, input, ctx, true);
    // Workspace: explicit > from project > from work product/artifact > context default.
    if (
      'Workspace' in o.values &&
      (o.values.Workspace === null || o.values.Workspace === undefined)
    ) {
      const viaProject = o.values.Project
        ? this.get(o.values.Project as number)?.values.Workspace
        : undefined;
      const viaParent =
        (o.values.WorkProduct && this.get(o.values.WorkProduct as number)?.values.Workspace) ||
        (o.values.Artifact && this.get(o.values.Artifact as number)?.values.Workspace);
      o.values.Workspace =
        (viaProject as number) ?? (viaParent as number) ?? ctx.workspaceOid ?? null;
    }
    if (type.typePath === 'Task' && o.values.Project === null && o.values.WorkProduct) {
      o.values.Project = this.get(o.values.WorkProduct as number)?.values.Project ?? null;
    }
    this.checkRequired(type, o, errors);
    this.checkRules(type, o, errors, null);
    if (errors.length) throw new ValidationError(errors, { envelope: 'CreateResult' });
    if (type.idPrefix)
      o.values.FormattedID = this.nextFormattedId(type, o.values.Workspace as number);
    if (type.idPrefix && 'FormattedIDPrefix' in o.values)
      o.values.FormattedIDPrefix = type.idPrefix;
    if (type.rankable) o.values.DragAndDropRank = this.nextBottomRank();
    if (rank) this.applyRank(o, rank, tx);
    if ('LastUpdateDate' in o.values) o.values.LastUpdateDate = now;
    this.insert(o);
    tx.created.add(oid);
    tx.commit(ctx.userOid, this.listeners);
    return o;
  }

  update(o: RallyObject, input: Values, ctx: WriteContext, rank?: RankSpec): RallyObject {
    const type = typeSpec(o.type);
    const tx = new Transaction(this);
    tx.touch(o);
    const before = structuredClone(o.values);
    const errors = this.applyInput(type, o, input, ctx, false);
    this.checkRequired(type, o, errors);
    this.checkRules(type, o, errors, before);
    if (errors.length) {
      o.values = before;
      this.markStale(o);
      throw new ValidationError(errors);
    }
    if (rank) this.applyRank(o, rank, tx);
    tx.commit(ctx.userOid, this.listeners);
    return o;
  }

  delete(o: RallyObject, ctx: WriteContext): void {
    const type = typeSpec(o.type);
    if (!type.deletable) throw new RallyError(MSG.cannotDelete);
    const tx = new Transaction(this);
    this.deleteInto(o, ctx, tx);
    tx.commit(ctx.userOid, this.listeners);
  }

  private deleteInto(o: RallyObject, ctx: WriteContext, tx: Transaction): void {
    const type = typeSpec(o.type);
    tx.deleted.set(o.oid, structuredClone(o));
    // Detach everything that references the deleted object; tasks go with their work product,
    // attachments with their artifact.
    for (const other of this.referencing(o.oid)) {
      // Skip what an earlier step removed (a scan of `objects` would no longer reach it).
      if (this.objects.get(other.oid) !== other) continue;
      if (other.values.Recycled === true || other.oid === o.oid) continue;
      const ot = typeSpec(other.type);
      for (const a of ot.attrs) {
        if (a.type === 'OBJECT' && other.values[a.name] === o.oid) {
          if (
            (other.type === 'Task' && a.name === 'WorkProduct') ||
            (other.type === 'Attachment' && a.name === 'Artifact')
          ) {
            if (!tx.deleted.has(other.oid)) this.deleteInto(other, ctx, tx);
          } else if (!a.readOnly || a.name === 'Feature') {
            tx.touch(other);
            other.values[a.name] = null;
          }
        } else if (a.type === 'COLLECTION' && !a.inverse) {
          const ids = other.values[a.name] as number[] | undefined;
          if (ids?.includes(o.oid)) {
            tx.touch(other);
            other.values[a.name] = ids.filter((x) => x !== o.oid);
          }
        }
      }
    }
    if (o.type === 'Attachment' && o.values.Content) {
      const content = this.get(o.values.Content as number);
      if (content) this.hardDelete(content);
    }
    if (type.artifact) {
      // The artifact leaves WSAPI; its recycle-bin entry takes over its ObjectID.
      this.hardDelete(o);
      o.values.Recycled = true;
      o.version += 1;
      o.values.VersionId = String(o.version);
      this.recycled.set(o.oid, o);
      this.seed(
        'RecycleBinEntry',
        {
          Name: o.values.Name,
          ID: o.values.FormattedID,
          Type: type.displayName,
          DeletedBy: ctx.userOid,
          DeletionDate: this.now().toISOString(),
          DeletedObject: o.oid,
          Workspace: o.values.Workspace,
          Subscription: o.values.Subscription,
        },
        { oid: o.oid },
      );
    } else {
      this.hardDelete(o);
    }
  }

  private hardDelete(o: RallyObject): void {
    this.objects.delete(o.oid);
    this.seq.delete(o.oid);
    this.byUuid.delete(o.uuid);
    this.byType.get(o.type)?.delete(o.oid);
    this.markStale(o);
  }

  /** Restore a recycled artifact from its recycle-bin entry (what the Rally UI offers). */
  restore(entry: RallyObject, userOid: number | null): RallyObject {
    const o = this.recycled.get(entry.values.DeletedObject as number);
    if (!o) throw new RallyError(MSG.notFound);
    const tx = new Transaction(this);
    tx.touch(o);
    this.hardDelete(entry);
    this.recycled.delete(o.oid);
    this.insert(o);
    o.values.Recycled = false;
    tx.commit(userOid, this.listeners);
    return o;
  }

  addToCollection(
    o: RallyObject,
    attr: AttrDef,
    items: unknown[],
    ctx: WriteContext,
  ): RallyObject[] {
    const tx = new Transaction(this);
    const added: RallyObject[] = [];
    const errors: string[] = [];
    for (const item of items) {
      let target = this.resolveRef(item);
      if (!target && item && typeof item === 'object' && 'Name' in item && attr.target === 'Tag') {
        const name = String((item as { Name: unknown }).Name);
        target = [...this.list(typeSpec('Tag'))].find(
          (t) => t.values.Name === name && t.values.Workspace === o.values.Workspace,
        );
        target ??= this.create(
          typeSpec('Tag'),
          { Name: name, Workspace: `/workspace/${String(o.values.Workspace)}` },
          { ...ctx, warnings: [] },
        );
      }
      if (!target || !isAssignable(attr.target ?? '', target.type)) {
        errors.push(`Could not read: Cannot find object to add to collection: ${describe(item)}`);
        continue;
      }
      const back = attr.inverse ? findAttr(typeSpec(target.type), attr.inverse) : undefined;
      if (attr.inverse && (!back || !isAssignable(back.target ?? '', o.type))) {
        errors.push(`Validation error: a ${target.type} cannot be added to ${o.type}.${attr.name}`);
        continue;
      }
      if (attr.inverse) {
        tx.touch(target);
        const before = structuredClone(target.values);
        target.values[attr.inverse] = o.oid;
        // The same rules as an update of the member (parentArtifact, cycles, workspaces).
        this.checkRules(typeSpec(target.type), target, errors, before);
      } else {
        tx.touch(o);
        const ids = (o.values[attr.name] as number[]) ?? [];
        if (!ids.includes(target.oid)) o.values[attr.name] = [...ids, target.oid];
      }
      added.push(target);
    }
    if (errors.length) {
      tx.rollback();
      throw new RallyError(errors);
    }
    tx.commit(ctx.userOid, this.listeners);
    return added;
  }

  removeFromCollection(
    o: RallyObject,
    attr: AttrDef,
    items: unknown[],
    ctx: WriteContext,
  ): RallyObject[] {
    const tx = new Transaction(this);
    const removed: RallyObject[] = [];
    for (const item of items) {
      const target = this.resolveRef(item);
      if (!target) continue;
      if (attr.inverse) {
        if (target.values[attr.inverse] !== o.oid) continue;
        const inv = findAttr(typeSpec(target.type), attr.inverse);
        if (inv?.required) {
          tx.rollback();
          throw new ValidationError(
            `Validation error: ${typeSpec(target.type).elementName}.${attr.inverse} should not be null`,
          );
        }
        tx.touch(target);
        target.values[attr.inverse] = null;
      } else {
        tx.touch(o);
        o.values[attr.name] = ((o.values[attr.name] as number[]) ?? []).filter(
          (x) => x !== target.oid,
        );
      }
      removed.push(target);
    }
    tx.commit(ctx.userOid, this.listeners);
    return removed;
  }

  // ---- input conversion and validation -------------------------------------------------------

  private applyInput(
    t: TypeSpec,
    o: RallyObject,
    input: Values,
    ctx: WriteContext,
    creating: boolean,
  ): string[] {
    const errors: string[] = [];
    for (const [key, raw] of Object.entries(input)) {
      if (key.startsWith('_') || key === 'Errors' || key === 'Warnings') continue;
      const a = findAttr(t, key);
      const writableOnCreate = creating && a?.name === 'Workspace';
      if (
        !a ||
        a.hidden ||
        (a.readOnly && !writableOnCreate) ||
        (a.type === 'COLLECTION' && a.inverse)
      ) {
        ctx.warnings.push(
          `Ignored JSON element ${ctx.bodyKey ?? t.typePath.toLowerCase()}.${key} during processing of this request.`,
        );
        continue;
      }
      if (a.name === 'Workspace' && !creating) {
        if (raw !== null && this.resolveRef(raw)?.oid !== o.values.Workspace) {
          errors.push(
            `Validation error: ${t.elementName}.Workspace cannot be changed; objects cannot be moved between workspaces`,
          );
        }
        continue;
      }
      const converted = this.convert(t, a, raw, o, errors);
      if (converted !== undefined) o.values[a.name] = converted;
    }
    return errors;
  }

  private convert(
    t: TypeSpec,
    a: AttrDef,
    raw: unknown,
    o: RallyObject,
    errors: string[],
  ): unknown {
    const field = `${t.elementName}.${a.name}`;
    if (
      raw === null ||
      raw === undefined ||
      (raw === '' &&
        (a.type === 'OBJECT' ||
          a.type === 'DATE' ||
          a.type === 'QUANTITY' ||
          a.type === 'DECIMAL' ||
          a.type === 'INTEGER'))
    ) {
      if (a.type === 'COLLECTION') return [];
      if (a.type === 'STRING' || a.type === 'TEXT') return raw === '' ? '' : null;
      return null;
    }
    switch (a.type) {
      case 'STRING':
      case 'TEXT':
      case 'RAW':
      case 'BINARY_DATA': {
        const s =
          typeof raw === 'string'
            ? raw
            : typeof raw === 'number' || typeof raw === 'boolean'
              ? String(raw)
              : null;
        if (s === null) {
          errors.push(`Could not convert: "${a.name}" must be a string`);
          return undefined;
        }
        if (a.maxLength !== undefined && a.maxLength > 0 && s.length > a.maxLength) {
          errors.push(
            `Validation error: ${field} must not be longer than ${a.maxLength} characters`,
          );
          return undefined;
        }
        if ((a.type === 'STRING' || a.type === 'TEXT') && HTML_BLACKLIST.test(s)) {
          errors.push(
            `Validation error: ${field} contained invalid input. Search 'HTML Whitelist' at help.rallydev.com for details.`,
          );
          return undefined;
        }
        return s;
      }
      case 'INTEGER':
      case 'DECIMAL':
      case 'QUANTITY': {
        const n =
          typeof raw === 'number'
            ? raw
            : typeof raw === 'string' && raw.trim() !== ''
              ? Number(raw)
              : Number.NaN;
        if (!Number.isFinite(n) || (a.type === 'INTEGER' && !Number.isInteger(n))) {
          errors.push(
            `Could not convert: Value [ ${String(raw)} ] for field [ ${a.name} ] is not a number`,
          );
          return undefined;
        }
        if (a.type === 'QUANTITY' && n < 0) {
          errors.push(`Validation error: ${field} must be greater than or equal to 0`);
          return undefined;
        }
        return n;
      }
      case 'BOOLEAN': {
        if (typeof raw === 'boolean') return raw;
        if (raw === 'true' || raw === 'false') return raw === 'true';
        errors.push(
          `Could not convert: Value [ ${String(raw)} ] for field [ ${a.name} ] is not a boolean`,
        );
        return undefined;
      }
      case 'DATE': {
        const d =
          typeof raw === 'string' || typeof raw === 'number' ? new Date(raw) : new Date(Number.NaN);
        if (Number.isNaN(d.getTime())) {
          errors.push(
            `Could not convert: Value [ ${String(raw)} ] for field [ ${a.name} ] is not a valid date`,
          );
          return undefined;
        }
        return d.toISOString();
      }
      case 'RATING':
      case 'STATE': {
        if (a.allowed) {
          const s = String(raw);
          const match = a.allowed.find((v) => v.toLowerCase() === s.toLowerCase());
          if (match === undefined) {
            errors.push(
              `Could not convert: Value [ ${s} ] for field [ ${a.name} ] is invalid. Valid values are: [ ${a.allowed.join(', ')} ]`,
            );
            return undefined;
          }
          return match;
        }
        // Portfolio item State: a ref to a State of this type (a state name is accepted too).
        const state = this.resolveRef(raw) ?? this.findStateByName(t, o, String(raw));
        const typeDef = this.typeDefinitionFor(t.typePath, o.values.Workspace as number);
        if (state?.type !== 'State' || (typeDef && state.values.TypeDef !== typeDef.oid)) {
          errors.push(
            `Could not convert: Value [ ${describe(raw)} ] for field [ State ] is not a valid ${t.elementName} state`,
          );
          return undefined;
        }
        return state.oid;
      }
      case 'OBJECT': {
        const target = this.resolveRef(raw);
        if (!target) {
          errors.push(`Could not read: Could not resolve reference ${describe(raw)} for ${field}`);
          return undefined;
        }
        if (!isAssignable(a.target ?? '', target.type)) {
          errors.push(
            `Validation error: ${field} must reference a ${a.target}, not a ${target.type}`,
          );
          return undefined;
        }
        return target.oid;
      }
      case 'COLLECTION': {
        if (!Array.isArray(raw)) {
          errors.push(`Could not convert: "${a.name}" must be an array of references`);
          return undefined;
        }
        const ids: number[] = [];
        for (const item of raw) {
          const target = this.resolveRef(item);
          if (!target || !isAssignable(a.target ?? '', target.type)) {
            errors.push(
              `Could not read: Could not resolve reference ${describe(item)} for ${field}`,
            );
            return undefined;
          }
          if (!ids.includes(target.oid)) ids.push(target.oid);
        }
        return ids;
      }
    }
  }

  private findStateByName(t: TypeSpec, o: RallyObject, name: string): RallyObject | undefined {
    const typeDef = this.typeDefinitionFor(t.typePath, o.values.Workspace as number);
    for (const s of this.list(typeSpec('State'))) {
      if (
        s.values.TypeDef === typeDef?.oid &&
        String(s.values.Name).toLowerCase() === name.toLowerCase()
      )
        return s;
    }
    return undefined;
  }

  typeDefinitionFor(
    typePath: string,
    workspaceOid: number | null | undefined,
  ): RallyObject | undefined {
    for (const td of this.list(typeSpec('TypeDefinition'))) {
      if (
        td.values.TypePath === typePath &&
        (workspaceOid == null || td.values.Workspace === workspaceOid)
      )
        return td;
    }
    return undefined;
  }

  subscriptionOid(): number | null {
    for (const s of this.list(typeSpec('Subscription'))) return s.oid;
    return null;
  }

  private checkRequired(t: TypeSpec, o: RallyObject, errors: string[]): void {
    for (const a of t.attrs) {
      if (!a.required || a.readOnly || a.type === 'COLLECTION') continue;
      const v = o.values[a.name];
      if (v === null || v === undefined || v === '')
        errors.push(`Validation error: ${t.elementName}.${a.name} should not be null`);
    }
  }

  private checkRules(t: TypeSpec, o: RallyObject, errors: string[], before: Values | null): void {
    const v = o.values;
    const ws = v.Workspace as number | null;
    // Every referenced project/release/iteration must live in the object's workspace.
    for (const a of t.attrs) {
      if (a.type !== 'OBJECT' || a.readOnly || a.name === 'Workspace' || a.name === 'Subscription')
        continue;
      const ref = v[a.name];
      if (typeof ref !== 'number') continue;
      const target = this.get(ref);
      const tws = target?.values.Workspace;
      if (ws !== null && ws !== undefined && typeof tws === 'number' && tws !== ws) {
        errors.push(
          `Validation error: ${t.elementName}.${a.name} must be in the same workspace as the ${t.elementName}`,
        );
      }
    }
    if (t.typePath === 'HierarchicalRequirement') {
      if (
        v.Parent !== null &&
        v.PortfolioItem !== null &&
        v.Parent !== undefined &&
        v.PortfolioItem !== undefined
      ) {
        const changedPi = before ? before.PortfolioItem !== v.PortfolioItem : true;
        const changedParent = before ? before.Parent !== v.Parent : true;
        if (changedPi || changedParent) {
          errors.push(
            'Validation error: HierarchicalRequirement.parentArtifact should not be set if HierarchicalRequirement.Parent is set and vice versa',
          );
        }
      }
      if (typeof v.Parent === 'number') {
        let cur: number | null = v.Parent;
        const seen = new Set<number>();
        while (cur !== null && !seen.has(cur)) {
          if (cur === o.oid) {
            errors.push(
              'Validation error: HierarchicalRequirement.Parent cannot be the story itself or one of its descendants',
            );
            break;
          }
          seen.add(cur);
          cur = (this.get(cur)?.values.Parent as number | null) ?? null;
        }
      }
    }
    if (t.typePath === 'Task' && typeof v.WorkProduct === 'number') {
      const wp = this.get(v.WorkProduct);
      if (wp && wp.type !== 'HierarchicalRequirement' && wp.type !== 'Defect') {
        errors.push('Validation error: Task.WorkProduct must be a User Story or a Defect');
      }
    }
    if (t.typePath === 'Release' || t.typePath === 'Iteration') {
      const [s, e] =
        t.typePath === 'Release' ? ['ReleaseStartDate', 'ReleaseDate'] : ['StartDate', 'EndDate'];
      if (
        typeof v[s] === 'string' &&
        typeof v[e] === 'string' &&
        (v[s] as string) > (v[e] as string)
      ) {
        errors.push(`Validation error: ${t.elementName}.${e} must be after ${t.elementName}.${s}`);
      }
    }
    if (t.typePath === 'Project' && typeof v.Parent === 'number') {
      if (this.projectDescendants(o.oid).has(v.Parent) || v.Parent === o.oid) {
        errors.push(
          'Validation error: Project.Parent cannot be the project itself or one of its children',
        );
      }
    }
  }

  // ---- ranks --------------------------------------------------------------------------------

  private rankables(): RallyObject[] {
    const out: RallyObject[] = [];
    for (const t of CONCRETE_TYPES) if (t.rankable) for (const o of this.list(t)) out.push(o);
    return out.sort((a, b) =>
      codePointCompare(String(a.values.DragAndDropRank), String(b.values.DragAndDropRank)),
    );
  }

  private bottomRank(): number {
    if (this.maxRank === null) {
      let max = 0;
      for (const t of CONCRETE_TYPES) {
        if (!t.rankable) continue;
        for (const oid of this.byType.get(t.typePath) ?? []) {
          const r = decodeRank(String(this.objects.get(oid)?.values.DragAndDropRank ?? ''));
          if (r > max) max = r;
        }
      }
      this.maxRank = max;
    }
    return this.maxRank;
  }

  private nextBottomRank(): string {
    const rank = encodeRank(this.bottomRank() + RANK_STEP);
    this.noteRank(rank);
    return rank;
  }

  private noteRank(rank: string): void {
    const r = decodeRank(rank);
    if (this.maxRank !== null && r > this.maxRank) this.maxRank = r;
  }

  private applyRank(o: RallyObject, rank: RankSpec, tx: Transaction): void {
    if (!typeSpec(o.type).rankable) throw new RallyError(`Cannot rank object of type ${o.type}`);
    // The neighbours `o` lands between, `o` itself left out of the order.
    const ranks = this.ranks();
    let above: RallyObject | undefined;
    let below: RallyObject | undefined;
    if ('to' in rank) {
      if (rank.to === 'TOP') below = ranks.first(o);
      else above = ranks.last(o);
    } else {
      const anchorOid = 'above' in rank ? rank.above : rank.below;
      const anchor = this.objects.get(anchorOid);
      if (!anchor || anchor.oid === o.oid || !ranks.has(anchor))
        throw new RallyError('Could not read: the object to rank relative to was not found');
      above = 'above' in rank ? ranks.before(anchor, o) : anchor;
      below = 'above' in rank ? anchor : ranks.after(anchor, o);
    }
    const prev = above ? decodeRank(String(above.values.DragAndDropRank)) : 0;
    const next = below ? decodeRank(String(below.values.DragAndDropRank)) : prev + 2 * RANK_STEP;
    if (next - prev >= 2) {
      o.values.DragAndDropRank = encodeRank(Math.floor((prev + next) / 2));
      this.noteRank(String(o.values.DragAndDropRank));
      this.markStale(o);
      return;
    }
    this.renumber(o, rank, tx);
  }

  /** No gap left at the new place: renumber every rankable object (rare; scans the store). */
  private renumber(o: RallyObject, rank: RankSpec, tx: Transaction): void {
    let list = this.rankables().filter((x) => x.oid !== o.oid);
    const anchorAt = (oid: number) => list.findIndex((x) => x.oid === oid);
    const index =
      'to' in rank
        ? rank.to === 'TOP'
          ? 0
          : list.length
        : 'above' in rank
          ? anchorAt(rank.above)
          : anchorAt(rank.below) + 1;
    list = [...list.slice(0, index), o, ...list.slice(index)];
    list.forEach((x, i) => {
      tx.touch(x);
      x.values.DragAndDropRank = encodeRank((i + 1) * RANK_STEP);
    });
    this.maxRank = null;
  }

  // ---- derived fields and roll-ups -----------------------------------------------------------

  /** Recompute the fields Rally derives for one object. `fromTasks`: a task of it changed. */
  derive(o: RallyObject, fromTasks: boolean): void {
    const v = o.values;
    const nowIso = this.now().toISOString();
    if (o.type === 'HierarchicalRequirement' || o.type === 'Defect') {
      const tasks = this.referrers('Task', 'WorkProduct').get(o.oid) ?? [];
      v.TaskEstimateTotal = sum(tasks.map((x) => x.values.Estimate)) ?? 0;
      v.TaskRemainingTotal = sum(tasks.map((x) => x.values.ToDo)) ?? 0;
      v.TaskActualTotal = sum(tasks.map((x) => x.values.Actuals)) ?? 0;
      let children: readonly RallyObject[] = [];
      if (o.type === 'HierarchicalRequirement') {
        children = this.referrers('HierarchicalRequirement', 'Parent').get(o.oid) ?? [];
        v.DirectChildrenCount = children.length;
        v.HasParent = v.Parent !== null && v.Parent !== undefined;
        if (this.deriveFeature(o)) this.markStale(o);
      }
      if (children.length > 0) {
        v.ScheduleState = rollupScheduleState(children.map((c) => String(c.values.ScheduleState)));
        v.PlanEstimate = sum(children.map((c) => c.values.PlanEstimate));
        v.Iteration = null;
        v.Release = null;
      } else if (fromTasks && tasks.length > 0) {
        const states = tasks.map((x) => String(x.values.State));
        if (states.every((s) => s === 'Defined')) v.ScheduleState = 'Defined';
        else if (states.every((s) => s === 'Completed')) {
          if (v.ScheduleState !== 'Accepted') v.ScheduleState = 'Completed';
        } else v.ScheduleState = 'In-Progress';
      }
      const state = String(v.ScheduleState);
      v.ScheduleStatePrefix = SCHEDULE_PREFIX[state] ?? null;
      const idx = SCHEDULE_STATES.indexOf(state as (typeof SCHEDULE_STATES)[number]);
      if (idx >= 1 && !v.InProgressDate) v.InProgressDate = nowIso;
      if (idx < 1) v.InProgressDate = null;
      if (state === 'Accepted' && !v.AcceptedDate) v.AcceptedDate = nowIso;
      if (state !== 'Accepted') v.AcceptedDate = null;
    }
    if (o.type === 'PortfolioItem/Feature' || o.type === 'PortfolioItem/Initiative') {
      const leaves = this.leafStories(o);
      const accepted = leaves.filter((s) => s.values.ScheduleState === 'Accepted');
      const total = sum(leaves.map((s) => s.values.PlanEstimate)) ?? 0;
      const acceptedTotal = sum(accepted.map((s) => s.values.PlanEstimate)) ?? 0;
      v.LeafStoryCount = leaves.length;
      v.AcceptedLeafStoryCount = accepted.length;
      v.LeafStoryPlanEstimateTotal = total;
      v.PercentDoneByStoryCount = leaves.length ? accepted.length / leaves.length : 0;
      v.PercentDoneByStoryPlanEstimate = total ? acceptedTotal / total : 0;
      v.DirectChildrenCount =
        o.type === 'PortfolioItem/Feature'
          ? (this.referrers('HierarchicalRequirement', 'PortfolioItem').get(o.oid)?.length ?? 0)
          : (this.referrers('PortfolioItem/Feature', 'Parent').get(o.oid)?.length ?? 0);
      const started = leaves.some((s) => s.values.ScheduleState !== 'Defined');
      if (started && !v.ActualStartDate) v.ActualStartDate = nowIso;
      if (!started) v.ActualStartDate = null;
      const done = leaves.length > 0 && accepted.length === leaves.length;
      if (done && !v.ActualEndDate) v.ActualEndDate = nowIso;
      if (!done) v.ActualEndDate = null;
      if (!v.PortfolioItemType)
        v.PortfolioItemType = this.typeDefinitionFor(o.type, v.Workspace as number)?.oid ?? null;
    }
  }

  private leafStories(pi: RallyObject): RallyObject[] {
    const features =
      pi.type === 'PortfolioItem/Feature'
        ? [pi.oid]
        : (this.referrers('PortfolioItem/Feature', 'Parent').get(pi.oid) ?? []).map((f) => f.oid);
    const byFeature = this.referrers('HierarchicalRequirement', 'Feature');
    const byParent = this.referrers('HierarchicalRequirement', 'Parent');
    return features.flatMap((f) => (byFeature.get(f) ?? []).filter((s) => !byParent.has(s.oid)));
  }

  /** Objects whose derived fields may depend on `o` (bottom-up order). */
  ancestors(values: Values, type: string): number[] {
    const out: number[] = [];
    const push = (x: unknown) => {
      if (typeof x === 'number' && !out.includes(x)) out.push(x);
    };
    let storyOid: unknown = null;
    if (type === 'Task') storyOid = values.WorkProduct;
    if (type === 'HierarchicalRequirement') {
      storyOid = values.Parent;
      push(values.PortfolioItem);
      push(values.Feature);
    }
    const seen = new Set<number>();
    while (typeof storyOid === 'number' && !seen.has(storyOid)) {
      seen.add(storyOid);
      push(storyOid);
      const s = this.get(storyOid);
      push(s?.values.PortfolioItem);
      push(s?.values.Feature);
      storyOid = s?.values.Parent ?? null;
    }
    if (type === 'PortfolioItem/Feature') push(values.Parent);
    for (const oid of [...out]) {
      const x = this.get(oid);
      if (x?.type === 'PortfolioItem/Feature') push(x.values.Parent);
    }
    // Stories first (deepest first is guaranteed by the walk), then features, then initiatives.
    const rank = (oid: number) => {
      const t = this.get(oid)?.type;
      return t === 'HierarchicalRequirement' || t === 'Defect'
        ? 0
        : t === 'PortfolioItem/Feature'
          ? 1
          : 2;
    };
    return out.sort((a, b) => rank(a) - rank(b));
  }
}

/** Ranks sort by code point (as `order=DragAndDropRank` does), never by locale. */
function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function decodeRank(s: string): number {
  if (!s.startsWith('P') || s.length !== 11) return 0;
  let n = 0;
  for (const ch of s.slice(1))
    n = n * RANK_ALPHABET.length + Math.max(0, RANK_ALPHABET.indexOf(ch));
  return n;
}

function sum(xs: unknown[]): number | null {
  const nums = xs.filter((x): x is number => typeof x === 'number');
  return nums.length ? nums.reduce((a, b) => a + b, 0) : xs.length ? 0 : null;
}

function rollupScheduleState(states: string[]): string {
  const first = states[0] ?? 'Defined';
  if (states.every((s) => s === first)) return first;
  const idx = states.map((s) => SCHEDULE_STATES.indexOf(s as (typeof SCHEDULE_STATES)[number]));
  if (idx.every((i) => i >= 2)) return 'Completed';
  if (idx.every((i) => i <= 0)) return 'Defined';
  return 'In-Progress';
}

function describe(x: unknown): string {
  if (x && typeof x === 'object' && '_ref' in x) return String((x as { _ref: unknown })._ref);
  return typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x));
}

/** Tracks the objects a write touches, runs roll-ups, bumps versions and emits change events. */
class Transaction {
  private store: Store;
  readonly before = new Map<number, Values>();
  readonly created = new Set<number>();
  readonly deleted = new Map<number, RallyObject>();
  private readonly touched = new Set<RallyObject>();

  constructor(store: Store) {
    this.store = store;
  }

  touch(o: RallyObject): void {
    if (!this.before.has(o.oid) && !this.created.has(o.oid))
      this.before.set(o.oid, structuredClone(o.values));
    this.touched.add(o);
    this.store.markStale(o);
  }

  /** Everything this write changed may have moved in the indexes. */
  private markStale(): void {
    for (const o of this.touched) this.store.markStale(o);
    for (const oid of this.created) {
      const o = this.store.get(oid);
      if (o) this.store.markStale(o);
    }
  }

  rollback(): void {
    for (const [oid, values] of this.before) {
      const o = this.store.get(oid);
      if (!o) continue;
      o.values = values;
      this.store.markStale(o);
    }
  }

  commit(userOid: number | null, listeners: Array<(e: ChangeEvent) => void>): void {
    const s = this.store;
    this.markStale();
    // Roll-ups: every ancestor of a touched/created/deleted object, before and after the change.
    const roots: Array<{ values: Values; type: string }> = [];
    for (const [oid, values] of this.before) {
      const o = s.get(oid);
      if (!o) continue;
      roots.push({ values, type: o.type }, { values: o.values, type: o.type });
    }
    for (const oid of this.created) {
      const o = s.get(oid);
      if (o) roots.push({ values: o.values, type: o.type });
    }
    for (const o of this.deleted.values()) roots.push({ values: o.values, type: o.type });
    const fromTasks = new Set<number>();
    const toDerive: number[] = [];
    for (const r of roots) {
      if (r.type === 'Task' && typeof r.values.WorkProduct === 'number')
        fromTasks.add(r.values.WorkProduct);
      for (const oid of s.ancestors(r.values, r.type))
        if (!toDerive.includes(oid)) toDerive.push(oid);
    }
    // A story that just got its first child hands its tasks to that child.
    for (const oid of [...this.created, ...this.before.keys()]) {
      const o = s.get(oid);
      if (o?.type !== 'HierarchicalRequirement' || typeof o.values.Parent !== 'number') continue;
      if (!this.created.has(oid) && this.before.get(oid)?.Parent === o.values.Parent) continue;
      const siblings = s.referrers('HierarchicalRequirement', 'Parent').get(o.values.Parent);
      if (siblings?.length !== 1) continue;
      for (const task of [...(s.referrers('Task', 'WorkProduct').get(o.values.Parent) ?? [])]) {
        this.touch(task);
        task.values.WorkProduct = o.oid;
      }
    }
    this.markStale();
    for (const oid of [...this.created, ...this.before.keys()]) {
      const o = s.get(oid);
      if (o && o.values.Recycled !== true) s.derive(o, fromTasks.has(oid));
    }
    const order = (oid: number) => {
      const t = s.get(oid)?.type;
      return t === 'HierarchicalRequirement' || t === 'Defect'
        ? 0
        : t === 'PortfolioItem/Feature'
          ? 1
          : 2;
    };
    toDerive.sort((a, b) => order(a) - order(b));
    // Stories may nest: derive repeatedly until nothing changes (bounded by depth).
    for (let pass = 0; pass < 8; pass++) {
      let changed = false;
      for (const oid of toDerive) {
        const o = s.get(oid);
        if (!o || o.values.Recycled === true || o.type === 'RecycleBinEntry') continue;
        this.touch(o);
        const prev = JSON.stringify(o.values);
        s.derive(o, fromTasks.has(oid));
        if (JSON.stringify(o.values) !== prev) changed = true;
      }
      if (!changed) break;
    }
    const now = s.now();
    const nowIso = now.toISOString();
    const events: ChangeEvent[] = [];
    for (const oid of this.created) {
      const o = s.get(oid);
      if (!o) continue;
      o.version = 1;
      o.values.VersionId = '1';
      events.push({ action: 'Created', object: o, changes: [], userOid, timestamp: now.getTime() });
    }
    for (const [oid, before] of this.before) {
      if (this.created.has(oid) || this.deleted.has(oid)) continue;
      const o = s.get(oid);
      if (!o) continue;
      const changes = diff(o, before);
      if (changes.length === 0) continue;
      const restored = before.Recycled === true && o.values.Recycled === false;
      o.version += 1;
      const oldVersion = before.VersionId;
      const oldUpdate = before.LastUpdateDate;
      o.values.VersionId = String(o.version);
      if ('LastUpdateDate' in o.values) o.values.LastUpdateDate = nowIso;
      const t = typeSpec(o.type);
      const versionAttr = findAttr(t, 'VersionId');
      const updateAttr = findAttr(t, 'LastUpdateDate');
      if (versionAttr)
        changes.push({ attr: versionAttr, oldValue: Number(oldVersion), newValue: o.version });
      if (updateAttr && oldUpdate !== nowIso)
        changes.push({ attr: updateAttr, oldValue: oldUpdate, newValue: nowIso });
      events.push({
        action: restored ? 'Created' : 'Updated',
        object: o,
        changes,
        userOid,
        timestamp: now.getTime(),
      });
    }
    for (const o of this.deleted.values()) {
      const current = s.recycledObject(o.oid) ?? o;
      events.push({
        action: 'Deleted',
        object: current,
        changes: [],
        userOid,
        timestamp: now.getTime(),
      });
    }
    this.markStale();
    for (const e of events) for (const l of listeners) l(e);
  }
}

function diff(o: RallyObject, before: Values): AttributeChange[] {
  const t = typeSpec(o.type);
  const out: AttributeChange[] = [];
  for (const a of t.attrs) {
    if (a.name === 'VersionId' || a.name === 'LastUpdateDate' || a.hidden) continue;
    if (a.type === 'COLLECTION' && a.inverse) continue;
    const oldV = before[a.name];
    const newV = o.values[a.name];
    if (JSON.stringify(oldV ?? null) === JSON.stringify(newV ?? null)) continue;
    const change: AttributeChange = { attr: a, oldValue: oldV ?? null, newValue: newV ?? null };
    if (a.type === 'COLLECTION') {
      const o1 = (oldV as number[]) ?? [];
      const n1 = (newV as number[]) ?? [];
      change.added = n1.filter((x) => !o1.includes(x));
      change.removed = o1.filter((x) => !n1.includes(x));
    }
    out.push(change);
  }
  return out;
}
