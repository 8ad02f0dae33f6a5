import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRallySimulator, DEFAULT_ADMIN_API_KEY } from '../src/index.ts';
import { type Expr, OPERATORS, parse, print, QueryError, type Value } from '../src/query/index.ts';

const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
const bare = fc
  .stringMatching(/^[A-Za-z0-9_./:-]{1,12}$/)
  .filter((s) => s.toLowerCase() !== 'null');
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constant<Value>({ kind: 'null' }),
  bare.map<Value>((v) => ({ kind: 'string', value: v, quoted: false })),
  fc.string({ maxLength: 12 }).map<Value>((v) => ({ kind: 'string', value: v, quoted: true })),
);
const cmp: fc.Arbitrary<Expr> = fc.record({
  kind: fc.constant('cmp' as const),
  path: fc.array(ident, { minLength: 1, maxLength: 3 }),
  op: fc.constantFrom(...OPERATORS),
  value,
});
const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    cmp,
    fc.record({
      kind: fc.constant('bool' as const),
      op: fc.constantFrom('AND' as const, 'OR' as const),
      left: tie('expr'),
      right: tie('expr'),
    }),
  ),
}));

/** Strings built from the language's own pieces, so the parser sees near-misses, not only noise. */
const queryish = fc
  .array(
    fc.constantFrom(
      '(',
      ')',
      ' ',
      'Name',
      'Project.Name',
      '=',
      '!=',
      '<',
      '>=',
      'contains',
      '!contains',
      'AND',
      'OR',
      'and',
      '"x y"',
      '"',
      'null',
      'US101',
      '/project/1',
      '!',
      '.',
    ),
    { maxLength: 30 },
  )
  .map((xs) => xs.join(''));

function parses(s: string): Expr | QueryError {
  try {
    return parse(s);
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
}

describe('query parser', () => {
  it('parses nested AND/OR, dotted paths, quoted values and null', () => {
    const e = parse(
      '((Name contains "roadmap export") AND ((Project.Name = "Team Alpha") OR (Parent = null)))',
    );
    expect(print(e)).toBe(
      '((Name contains "roadmap export") AND ((Project.Name = "Team Alpha") OR (Parent = null)))',
    );
    expect(print(parse('(ScheduleState<Completed)'))).toBe('(ScheduleState < Completed)');
    expect(print(parse('((A = 1) and (B = 2) or (C != 3))'))).toBe(
      '(((A = 1) AND (B = 2)) OR (C != 3))',
    );
    expect(print(parse('(Name = Team Alpha)'))).toBe('(Name = "Team Alpha")');
  });

  it('rejects malformed queries with a QueryError', () => {
    for (const bad of [
      '',
      'Name = x',
      '(Name = x',
      '(Name x)',
      '((A = 1) XOR (B = 2))',
      '(= x)',
      '(Name = "x)',
      '(A = 1) (B = 2)',
    ]) {
      expect(parses(bad), bad).toBeInstanceOf(QueryError);
    }
  });

  it('never crashes on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          queryish,
        ),
        (s) => {
          const r = parses(s);
          expect(r instanceof QueryError || typeof r === 'object').toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('survives deep nesting without overflowing the stack', () => {
    expect(parses(`${'('.repeat(5000)}A = 1${')'.repeat(5000)}`)).toBeInstanceOf(QueryError);
  });

  it('round-trips what it prints: parse(print(ast)) equals ast', () => {
    fc.assert(
      fc.property(expr, (ast) => {
        expect(parse(print(ast))).toEqual(ast);
      }),
      { numRuns: 1000 },
    );
  });

  it('print is a fixed point after one parse for anything that parses', () => {
    fc.assert(
      fc.property(queryish, (s) => {
        const r = parses(s);
        if (r instanceof QueryError) return;
        const printed = print(r);
        expect(print(parse(printed))).toBe(printed);
      }),
      { numRuns: 2000 },
    );
  });

  it('through HTTP, any query answers a QueryResult envelope (HTTP 200), never a crash', async () => {
    const { app } = createRallySimulator();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 40 }), queryish, expr.map(print)),
        async (q) => {
          const res = await app.request(
            `/slm/webservice/v2.0/hierarchicalrequirement?query=${encodeURIComponent(q)}`,
            {
              headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
            },
          );
          expect(res.status).toBe(200);
          const body = (await res.json()) as {
            QueryResult: { Errors: string[]; Results: unknown[] };
          };
          expect(Array.isArray(body.QueryResult.Errors)).toBe(true);
          if (body.QueryResult.Errors.length)
            expect(body.QueryResult.Errors[0]).toMatch(/^Could not (parse|read): /);
        },
      ),
      { numRuns: 300 },
    );
  });
});
