import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdoError } from '../src/errors.ts';
import type { Condition, Query, Value } from '../src/wiql/ast.ts';
import { parse, print } from '../src/wiql/index.ts';

const fieldName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{0,20}$/);
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.string({ maxLength: 12 }).map((s) => ({ kind: 'string' as const, value: s })),
  fc
    .oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.double({ min: -1000, max: 1000, noNaN: true }).map((n) => Math.round(n * 100) / 100),
    )
    .filter((n) => !Object.is(n, -0))
    .map((n) => ({ kind: 'number' as const, value: n })),
  fc.record({
    kind: fc.constant('macro' as const),
    name: fc.constantFrom('project', 'me', 'today'),
    offset: fc.integer({ min: -30, max: 30 }),
  }),
);
const op = fc.constantFrom(
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'CONTAINS',
  'NOT CONTAINS',
  'UNDER',
  'NOT UNDER' as const,
);
const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('compare' as const), field: fieldName, op, value }),
    fc.record({
      kind: fc.constant('in' as const),
      field: fieldName,
      negated: fc.boolean(),
      values: fc.array(value, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      left: tie('condition'),
      right: tie('condition'),
    }),
  ),
}));
const query: fc.Arbitrary<Query> = fc.record({
  select: fc.array(fieldName, { minLength: 1, maxLength: 4 }),
  from: fc.constant('WorkItems' as const),
  where: fc.option(condition, { nil: null }),
  orderBy: fc.array(fc.record({ field: fieldName, descending: fc.boolean() }), { maxLength: 3 }),
});

describe('WIQL parser', () => {
  it('round-trips: parse(print(q)) equals q', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(parse(print(q))).toEqual(q);
      }),
      { numRuns: 500 },
    );
  });

  it('never crashes: any text parses or fails with a 400 Azure DevOps error', () => {
    const tokens = fc.constantFrom(
      'SELECT',
      'FROM',
      'WorkItems',
      'WHERE',
      'AND',
      'OR',
      'NOT',
      'IN',
      'UNDER',
      'ORDER',
      'BY',
      'DESC',
      '[System.Id]',
      "'a''b'",
      '(',
      ')',
      ',',
      '=',
      '<>',
      '>=',
      '@today',
      '-',
      '7',
      '@me',
      '"x"',
      '[',
      ']',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.array(tokens, { maxLength: 25 }).map((t) => t.join(' ')),
    );
    fc.assert(
      fc.property(text, (t) => {
        try {
          parse(t);
        } catch (e) {
          expect(e).toBeInstanceOf(AdoError);
          expect((e as AdoError).status).toBe(400);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the connector subset: precedence, IN, UNDER, macros, dates, ORDER BY', () => {
    const q = parse(
      "select [System.Id] from workitems where [System.TeamProject] = @project and ([System.State] in ('New', 'Active') or [System.AreaPath] under 'P\\Web') and [System.ChangedDate] >= @today - 7 order by [System.ChangedDate] desc, [System.Id]",
    );
    expect(q.where).toEqual({
      kind: 'and',
      left: {
        kind: 'and',
        left: {
          kind: 'compare',
          field: 'System.TeamProject',
          op: '=',
          value: { kind: 'macro', name: 'project', offset: 0 },
        },
        right: {
          kind: 'or',
          left: {
            kind: 'in',
            field: 'System.State',
            negated: false,
            values: [
              { kind: 'string', value: 'New' },
              { kind: 'string', value: 'Active' },
            ],
          },
          right: {
            kind: 'compare',
            field: 'System.AreaPath',
            op: 'UNDER',
            value: { kind: 'string', value: 'P\\Web' },
          },
        },
      },
      right: {
        kind: 'compare',
        field: 'System.ChangedDate',
        op: '>=',
        value: { kind: 'macro', name: 'today', offset: -7 },
      },
    });
    expect(q.orderBy).toEqual([
      { field: 'System.ChangedDate', descending: true },
      { field: 'System.Id', descending: false },
    ]);
  });

  it('names what is wrong', () => {
    expect(() => parse('SELECT [System.Id] FROM WorkItems WHERE [System.State] = ')).toThrow(
      /Expecting a value at the end of the query/,
    );
    expect(() => parse('SELECT [System.Id] FROM WorkItemLinks')).toThrow(/Only FROM WorkItems/);
  });
});
