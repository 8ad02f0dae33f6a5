/** The AST of Rally's query language. */

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | '!contains';

export const OPERATORS: readonly Operator[] = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'contains',
  '!contains',
];

export type Value = { kind: 'string'; value: string; quoted: boolean } | { kind: 'null' };

export type Expr =
  | { kind: 'cmp'; path: string[]; op: Operator; value: Value }
  | { kind: 'bool'; op: 'AND' | 'OR'; left: Expr; right: Expr };

/** A query-language error. `message` is the text after Rally's `Could not parse: ` prefix. */
export class QueryError extends Error {}
