/** The WIQL subset a connector uses, as a tree. */

export type Value =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'macro'; name: string; offset: number };

export type ComparisonOperator =
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | 'CONTAINS'
  | 'NOT CONTAINS'
  | 'UNDER'
  | 'NOT UNDER';

export type Condition =
  | { kind: 'compare'; field: string; op: ComparisonOperator; value: Value }
  | { kind: 'in'; field: string; negated: boolean; values: Value[] }
  | { kind: 'and' | 'or'; left: Condition; right: Condition };

export interface OrderBy {
  field: string;
  descending: boolean;
}

export interface Query {
  select: string[];
  from: 'WorkItems';
  where: Condition | null;
  orderBy: OrderBy[];
}
