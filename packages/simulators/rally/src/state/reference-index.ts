/**
 * Every live object by each ObjectID its references and stored collections hold: a delete finds
 * what to detach here instead of scanning the store.
 */
import { typeSpec } from './schema.ts';
import type { RallyObject } from './store.ts';

export class ReferenceIndex {
  private readonly buckets = new Map<number, Set<RallyObject>>();
  private readonly filed = new Map<RallyObject, number[]>();

  refile(o: RallyObject, live: boolean): void {
    const keys = live ? referencesOf(o) : [];
    const old = this.filed.get(o);
    if (old && sameList(old, keys)) return;
    for (const k of old ?? []) {
      const bucket = this.buckets.get(k);
      bucket?.delete(o);
      if (bucket?.size === 0) this.buckets.delete(k);
    }
    if (keys.length === 0) {
      this.filed.delete(o);
      return;
    }
    this.filed.set(o, keys);
    for (const k of keys) {
      const bucket = this.buckets.get(k);
      if (bucket) bucket.add(o);
      else this.buckets.set(k, new Set([o]));
    }
  }

  /** Live objects that hold `oid` in a reference or a stored collection, in no order. */
  referencing(oid: number): RallyObject[] {
    return [...(this.buckets.get(oid) ?? [])];
  }
}

const refAttrsByType = new Map<string, { objects: string[]; collections: string[] }>();

function refAttrs(type: string): { objects: string[]; collections: string[] } {
  let found = refAttrsByType.get(type);
  if (!found) {
    const attrs = typeSpec(type).attrs;
    found = {
      objects: attrs.filter((a) => a.type === 'OBJECT').map((a) => a.name),
      collections: attrs.filter((a) => a.type === 'COLLECTION' && !a.inverse).map((a) => a.name),
    };
    refAttrsByType.set(type, found);
  }
  return found;
}

function referencesOf(o: RallyObject): number[] {
  const out = new Set<number>();
  const { objects, collections } = refAttrs(o.type);
  for (const name of objects) {
    const v = o.values[name];
    if (typeof v === 'number') out.add(v);
  }
  for (const name of collections) {
    const ids = o.values[name];
    if (Array.isArray(ids)) for (const v of ids) if (typeof v === 'number') out.add(v);
  }
  return [...out];
}

function sameList(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
