import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdoError } from '../src/errors.ts';
import type { Relation } from '../src/state/model.ts';
import { applyPatch, type Draft, type PatchOperation } from '../src/workitems/json-patch.ts';

/**
 * The reference model: the work item as one plain JSON document `{ id, rev, fields, relations }`
 * patched by a textbook RFC 6902 interpreter, plus the two places where Azure DevOps differs
 * (removing an absent field is a no-op; a null value clears a field).
 */
type Doc = { id: number; rev: number; fields: Record<string, unknown>; relations: Relation[] };
type Outcome = { doc: Doc } | { error: number };

function reference(start: Doc, ops: PatchOperation[]): Outcome {
  const doc: Doc = structuredClone(start);
  for (const op of ops) {
    const parts = op.path.split('/').slice(1);
    const [head, key, sub, attr] = parts;
    const deepEqual = (a: unknown, b: unknown) =>
      typeof a === 'number' || typeof b === 'number'
        ? Number(a) === Number(b)
        : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    if (op.op === 'test') {
      const actual =
        head === 'rev'
          ? doc.rev
          : head === 'id'
            ? doc.id
            : head === 'fields'
              ? doc.fields[key!]
              : head === 'relations'
                ? doc.relations[Number(key)]
                : undefined;
      if (!deepEqual(actual, op.value)) return { error: 412 };
      continue;
    }
    if (head === 'rev' || head === 'id') return { error: 400 };
    if (head === 'fields') {
      if (op.op === 'remove' || op.value === null || op.value === undefined)
        delete doc.fields[key!];
      else doc.fields[key!] = op.value;
      continue;
    }
    // relations
    const index = key === '-' ? doc.relations.length : Number(key);
    if (sub === 'attributes') {
      const r = doc.relations[index];
      if (!r) return { error: 400 };
      if (op.op === 'remove') delete r.attributes[attr!];
      else r.attributes[attr!] = op.value;
      continue;
    }
    const v = op.value as Relation | undefined;
    if (op.op === 'add') {
      if (!v || typeof v !== 'object' || !v.rel || !v.url) return { error: 400 };
      doc.relations.splice(Math.min(index, doc.relations.length), 0, {
        rel: v.rel,
        url: v.url,
        attributes: { ...v.attributes },
      });
      continue;
    }
    if (key === '-' || !doc.relations[index]) return { error: 400 };
    if (op.op === 'remove') doc.relations.splice(index, 1);
    else doc.relations[index] = { rel: v!.rel, url: v!.url, attributes: { ...v!.attributes } };
  }
  return { doc };
}

function actual(start: Doc, ops: PatchOperation[]): Outcome {
  try {
    return { doc: applyPatch(start as Draft, ops) };
  } catch (e) {
    if (e instanceof AdoError) return { error: e.status };
    throw e;
  }
}

const fieldKey = fc.constantFrom('System.Title', 'System.State', 'Custom.A', 'Custom.B');
const fieldValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: 0, max: 5 }),
  fc.constant(null),
);
const relation = fc.record({
  rel: fc.constantFrom('System.LinkTypes.Related', 'Hyperlink'),
  url: fc.constantFrom('http://x/1', 'http://x/2', 'http://x/3'),
  attributes: fc.dictionary(fc.constantFrom('comment', 'name'), fc.string({ maxLength: 4 }), {
    maxKeys: 2,
  }),
});
const index = fc.oneof(fc.integer({ min: 0, max: 3 }).map(String), fc.constant('-'));
const operation: fc.Arbitrary<PatchOperation> = fc.oneof(
  fc.record({
    op: fc.constantFrom('add' as const, 'replace' as const),
    path: fieldKey.map((k) => `/fields/${k}`),
    value: fieldValue,
  }),
  fc.record({ op: fc.constant('remove' as const), path: fieldKey.map((k) => `/fields/${k}`) }),
  fc.record({
    op: fc.constant('test' as const),
    path: fc.constant('/rev'),
    value: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({
    op: fc.constant('test' as const),
    path: fieldKey.map((k) => `/fields/${k}`),
    value: fieldValue,
  }),
  fc.record({
    op: fc.constantFrom('add' as const, 'replace' as const),
    path: index.map((i) => `/relations/${i}`),
    value: relation,
  }),
  fc.record({ op: fc.constant('remove' as const), path: index.map((i) => `/relations/${i}`) }),
  fc.record({
    op: fc.constantFrom('add' as const, 'replace' as const, 'remove' as const),
    path: fc.integer({ min: 0, max: 3 }).map((i) => `/relations/${i}/attributes/comment`),
    value: fc.string({ maxLength: 4 }),
  }),
);
const draft: fc.Arbitrary<Doc> = fc.record({
  id: fc.integer({ min: 1, max: 99 }),
  rev: fc.integer({ min: 1, max: 4 }),
  fields: fc.dictionary(
    fieldKey,
    fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 5 })),
    { maxKeys: 4 },
  ),
  relations: fc.array(relation, { maxLength: 3 }),
});

describe('JSON Patch on a work item', () => {
  it('agrees with the reference model on every sequence of operations', () => {
    fc.assert(
      fc.property(draft, fc.array(operation, { maxLength: 8 }), (start, ops) => {
        expect(actual(start, ops)).toEqual(reference(start, ops));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves the input untouched, even when a later operation fails', () => {
    fc.assert(
      fc.property(draft, fc.array(operation, { maxLength: 8 }), (start, ops) => {
        const before = structuredClone(start);
        actual(start, ops);
        expect(start).toEqual(before);
      }),
    );
  });

  it('answers a stale /rev test with VS403351 and 412', () => {
    const start: Draft = { id: 7, rev: 4, fields: {}, relations: [] };
    expect(() => applyPatch(start, [{ op: 'test', path: '/rev', value: 3 }])).toThrow(
      'VS403351: Test Operation for path /rev failed, value 4 was not equal to test value 3.',
    );
  });
});
