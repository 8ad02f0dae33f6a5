/** Rendering stored objects as WSAPI JSON: refs, stubs, collection stubs, fetch lists. */
import { type AttrDef, typeSpec } from '../state/schema.ts';
import type { RallyObject, Store } from '../state/store.ts';

export const API = { _rallyAPIMajor: '2', _rallyAPIMinor: '0' } as const;
export const WSAPI_PREFIX = '/slm/webservice/v2.0';

/** `null` = ref stubs only; `'all'` = every attribute; a set = those attributes (lower-case). */
export type Fetch = null | 'all' | Set<string>;

export function parseFetch(raw: string | undefined, defaultAll: boolean): Fetch {
  if (raw === undefined || raw === '') return defaultAll ? 'all' : null;
  if (raw.toLowerCase() === 'true') return 'all';
  if (raw.toLowerCase() === 'false') return defaultAll ? 'all' : null;
  return new Set(
    raw
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}

export class Renderer {
  readonly store: Store;
  readonly base: string;

  constructor(store: Store, base: string) {
    this.store = store;
    this.base = base;
  }

  ref(o: RallyObject): string {
    return `${this.base}${WSAPI_PREFIX}/${typeSpec(o.type).refPath}/${o.oid}`;
  }

  collectionRef(o: RallyObject, attr: string): string {
    return `${this.base}${WSAPI_PREFIX}/${o.type}/${o.oid}/${attr}`;
  }

  stub(o: RallyObject): Record<string, unknown> {
    const out: Record<string, unknown> = { ...API, _ref: this.ref(o), _refObjectUUID: o.uuid };
    const name = this.store.displayName(o);
    if (name) out._refObjectName = name;
    out._type = o.type;
    return out;
  }

  collectionStub(o: RallyObject, a: AttrDef): Record<string, unknown> {
    const out: Record<string, unknown> = {
      ...API,
      _ref: this.collectionRef(o, a.name),
      _type: a.target,
      Count: this.store.collectionCount(o, a),
    };
    if (a.name === 'Tags' || a.name === 'Milestones') {
      out._tagsNameArray = this.store
        .collection(o, a)
        .map((m) => ({ Name: m.values.Name, _ref: this.ref(m) }));
    }
    return out;
  }

  /** Render an object. `fetch` null gives a stub; nested references get fetched fields too. */
  object(o: RallyObject, fetch: Fetch): Record<string, unknown> {
    if (fetch === null) return this.stub(o);
    const t = typeSpec(o.type);
    const out: Record<string, unknown> = {
      ...API,
      _ref: this.ref(o),
      _refObjectUUID: o.uuid,
      _objectVersion: String(o.version),
    };
    const name = this.store.displayName(o);
    if (name) out._refObjectName = name;
    if (fetch === 'all') out._CreatedAt = createdAt(o.values.CreationDate);
    for (const a of t.attrs) {
      if (a.hidden) continue;
      if (
        fetch !== 'all' &&
        !fetch.has(a.name.toLowerCase()) &&
        !(a.name === 'DragAndDropRank' && fetch.has('rank'))
      )
        continue;
      out[a.name] = this.value(o, a, fetch);
    }
    out._type = o.type;
    return out;
  }

  private value(o: RallyObject, a: AttrDef, fetch: Fetch): unknown {
    const v = o.values[a.name];
    switch (a.type) {
      case 'COLLECTION':
        return this.collectionStub(o, a);
      case 'OBJECT':
      case 'STATE': {
        if (a.type === 'STATE' && a.allowed) return v ?? null;
        if (typeof v !== 'number') return null;
        const target = this.store.get(v);
        if (!target) return null;
        const stub = this.stub(target);
        if (fetch instanceof Set) {
          const tt = typeSpec(target.type);
          for (const na of tt.attrs) {
            if (na.hidden || !fetch.has(na.name.toLowerCase()) || na.name === a.name) continue;
            if (na.type === 'OBJECT' || na.type === 'STATE' || na.type === 'COLLECTION') {
              if (na.type === 'STATE' && na.allowed) stub[na.name] = target.values[na.name] ?? null;
              else if (na.type === 'COLLECTION') stub[na.name] = this.collectionStub(target, na);
              else {
                const ref = target.values[na.name];
                const x = typeof ref === 'number' ? this.store.get(ref) : undefined;
                stub[na.name] = x ? this.stub(x) : null;
              }
            } else stub[na.name] = target.values[na.name] ?? null;
          }
          const type = stub._type;
          delete stub._type;
          stub._type = type;
        }
        return stub;
      }
      default:
        return v === undefined ? null : v;
    }
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function createdAt(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const d = new Date(iso);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}
