/** A small per-process cache for lookups that rarely change (states, tags, type definitions). */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: Promise<V>; expires: number }>();
  readonly #ttlMs: number;

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = load();
    this.#entries.set(key, { value, expires: now + this.#ttlMs });
    // A failed load is not remembered.
    value.catch(() => this.#entries.delete(key));
    return value;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}
