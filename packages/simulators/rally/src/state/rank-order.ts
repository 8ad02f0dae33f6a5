/**
 * Live rankable objects in `DragAndDropRank` order, kept current one object at a time: by code
 * point of the rank, ties in scan order (type, then insertion), as a stable sort of a scan gives.
 */
import type { RallyObject } from './store.ts';

interface Filing {
  rank: string;
  order: number;
}

const compare = (a: Filing, b: Filing): number =>
  a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.order - b.order;

export class RankOrder {
  private list: RallyObject[] = [];
  private readonly filed = new Map<RallyObject, Filing>();

  /** Fill from a scan: `entries` are the live rankable objects with their scan order. */
  static of(entries: Array<{ o: RallyObject; order: number }>): RankOrder {
    const r = new RankOrder();
    const filings = entries.map(({ o, order }) => ({
      o,
      f: { rank: String(o.values.DragAndDropRank), order },
    }));
    filings.sort((a, b) => compare(a.f, b.f));
    r.list = filings.map((x) => x.o);
    for (const { o, f } of filings) r.filed.set(o, f);
    return r;
  }

  has(o: RallyObject): boolean {
    return this.filed.has(o);
  }

  /** File `o` under its rank now; `order` null: it is not a live rankable object. */
  refile(o: RallyObject, order: number | null): void {
    const old = this.filed.get(o);
    if (order === null) {
      if (old) this.unfile(o, old);
      return;
    }
    const rank = String(o.values.DragAndDropRank);
    if (old?.rank === rank && old.order === order) return;
    if (old) this.unfile(o, old);
    const filing = { rank, order };
    this.list.splice(this.position(filing), 0, o);
    this.filed.set(o, filing);
  }

  first(except: RallyObject): RallyObject | undefined {
    return this.list[0] === except ? this.list[1] : this.list[0];
  }

  last(except: RallyObject): RallyObject | undefined {
    const n = this.list.length;
    return this.list[n - 1] === except ? this.list[n - 2] : this.list[n - 1];
  }

  /** The object ranked right above `anchor` (a filed object), skipping `except`. */
  before(anchor: RallyObject, except: RallyObject): RallyObject | undefined {
    const i = this.indexOf(anchor) - 1;
    return this.list[i] === except ? this.list[i - 1] : this.list[i];
  }

  /** The object ranked right below `anchor` (a filed object), skipping `except`. */
  after(anchor: RallyObject, except: RallyObject): RallyObject | undefined {
    const i = this.indexOf(anchor) + 1;
    return this.list[i] === except ? this.list[i + 1] : this.list[i];
  }

  private indexOf(o: RallyObject): number {
    const f = this.filed.get(o);
    return f ? this.position(f) : -1;
  }

  private unfile(o: RallyObject, filing: Filing): void {
    const i = this.position(filing);
    this.filed.delete(o);
    if (this.list[i] === o) this.list.splice(i, 1);
  }

  /** First index whose filing does not sort before `f`. */
  private position(f: Filing): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.filed.get(this.list[mid] as RallyObject);
      if (at && compare(at, f) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
