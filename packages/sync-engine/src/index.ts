/**
 * @tandem/sync-engine: the pure core (mapping, status mapping, diff and conflicts, send plans,
 * pre-flight, and `decide` for each record's lifecycle). The runner that performs the core's
 * effects is exported separately from `@tandem/sync-engine/runner`.
 */
export * from './core/index.ts';
