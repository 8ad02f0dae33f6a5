/**
 * Objects of some types by the ObjectID one attribute holds, kept current one object at a time.
 * A bucket keeps the order a full scan gives (type order, then insertion order): roll-ups sum
 * over buckets, and another order could change the last digit of a sum.
 */
import type { RallyObject } from './store.ts';

interface Filing {
  key: number;
  order: number;
}

/** Orders of one scan position: the type's place in the scan, then the insertion sequence. */
export const scanOrder = (typeRank: number, seq: number): number => typeRank * 2 ** 40 + seq;

export class ReferrerIndex {
  readonly buckets = new Map<number, RallyObject[]>();
  private readonly filed = new Map<RallyObject, Filing>();
  private readonly attr: string;
  private readonly typeRank: Map<string, number>;

  constructor(attr: string, types: readonly string[]) {
    this.attr = attr;
    this.typeRank = new Map(types.map((t, i) => [t, i]));
  }

  covers(type: string): boolean {
    return this.typeRank.has(type);
  }

  /** File `o` under the ObjectID its attribute holds now; `seq` null: it is not live. */
  refile(o: RallyObject, seq: number | null): void {
    const rank = this.typeRank.get(o.type);
    const ref = o.values[this.attr];
    const old = this.filed.get(o);
    if (seq === null || rank === undefined || typeof ref !== 'number') {
      if (old) this.unfile(o, old);
      return;
    }
    const order = scanOrder(rank, seq);
    if (old?.key === ref && old.order === order) return;
    if (old) this.unfile(o, old);
    const filing = { key: ref, order };
    this.filed.set(o, filing);
    const bucket = this.buckets.get(ref);
    if (!bucket) this.buckets.set(ref, [o]);
    else bucket.splice(this.position(bucket, order), 0, o);
  }

  private unfile(o: RallyObject, filing: Filing): void {
    const bucket = this.buckets.get(filing.key);
    const i = bucket ? this.position(bucket, filing.order) : -1;
    this.filed.delete(o);
    if (!bucket || bucket[i] !== o) return;
    if (bucket.length === 1) this.buckets.delete(filing.key);
    else bucket.splice(i, 1);
  }

  /** First index in `bucket` whose order is not below `order`. */
  private position(bucket: RallyObject[], order: number): number {
    let lo = 0;
    let hi = bucket.length;
    const last = bucket[hi - 1];
    if (last && this.orderOf(last) < order) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.orderOf(bucket[mid] as RallyObject) < order) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private orderOf(o: RallyObject): number {
    return this.filed.get(o)?.order ?? Number.POSITIVE_INFINITY;
  }
}
