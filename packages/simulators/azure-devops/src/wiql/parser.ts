/**
 * `SELECT fields FROM WorkItems [WHERE condition] [ORDER BY field [ASC|DESC], …]`.
 * Conditions: `=`, `<>`, `<`, `<=`, `>`, `>=`, `[NOT] IN (…)`, `[NOT] UNDER`, `[NOT] CONTAINS`,
 * AND binding tighter than OR, both left-associative, parentheses. Values: strings, numbers,
 * macros (`@project`, `@me`, `@today - 7`).
 */
import type { ComparisonOperator, Condition, OrderBy, Query, Value } from './ast.ts';
import { type Token, tokenize, wiqlError } from './tokenizer.ts';

const MAX_LENGTH = 32_000;

class Parser {
  private i = 0;
  private tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isWord(word: string, offset = 0): boolean {
    const t = this.tokens[this.i + offset];
    return t?.type === 'word' && t.text.toUpperCase() === word;
  }

  private expectWord(word: string): void {
    if (!this.isWord(word)) throw wiqlError(`Expecting ${word} ${this.where()}.`);
    this.i++;
  }

  private where(): string {
    const t = this.peek();
    return t ? `at position ${t.pos}` : 'at the end of the query';
  }

  private field(): string {
    const t = this.peek();
    if (t?.type === 'field') {
      this.i++;
      return t.text;
    }
    if (t?.type === 'word' && !RESERVED.has(t.text.toUpperCase())) {
      this.i++;
      return t.text;
    }
    throw wiqlError(`Expecting a field name ${this.where()}.`);
  }

  query(): Query {
    this.expectWord('SELECT');
    const select = [this.field()];
    while (this.punct(',')) select.push(this.field());
    this.expectWord('FROM');
    const source = this.peek();
    if (!(source?.type === 'word' && source.text.toLowerCase() === 'workitems'))
      throw wiqlError(`Only FROM WorkItems is supported ${this.where()}.`);
    this.i++;
    let where: Condition | null = null;
    if (this.isWord('WHERE')) {
      this.i++;
      where = this.or();
    }
    const orderBy: OrderBy[] = [];
    if (this.isWord('ORDER')) {
      this.i++;
      this.expectWord('BY');
      do {
        const field = this.field();
        let descending = false;
        if (this.isWord('ASC')) this.i++;
        else if (this.isWord('DESC')) {
          this.i++;
          descending = true;
        }
        orderBy.push({ field, descending });
      } while (this.punct(','));
    }
    if (this.peek()) throw wiqlError(`Unexpected text ${this.where()}.`);
    return { select, from: 'WorkItems', where, orderBy };
  }

  private punct(p: '(' | ')' | ','): boolean {
    const t = this.peek();
    if (t?.type === 'punct' && t.text === p) {
      this.i++;
      return true;
    }
    return false;
  }

  private or(): Condition {
    let left = this.and();
    while (this.isWord('OR')) {
      this.i++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Condition {
    let left = this.primary();
    while (this.isWord('AND')) {
      this.i++;
      left = { kind: 'and', left, right: this.primary() };
    }
    return left;
  }

  private primary(): Condition {
    if (this.punct('(')) {
      const inner = this.or();
      if (!this.punct(')')) throw wiqlError(`Expecting ')' ${this.where()}.`);
      return inner;
    }
    const field = this.field();
    const negated = this.isWord('NOT');
    if (negated) this.i++;
    if (this.isWord('IN')) {
      this.i++;
      if (!this.punct('(')) throw wiqlError(`Expecting '(' after IN ${this.where()}.`);
      const values = [this.value()];
      while (this.punct(',')) values.push(this.value());
      if (!this.punct(')')) throw wiqlError(`Expecting ')' ${this.where()}.`);
      return { kind: 'in', field, negated, values };
    }
    for (const word of ['UNDER', 'CONTAINS'] as const) {
      if (this.isWord(word)) {
        this.i++;
        const op = (negated ? `NOT ${word}` : word) as ComparisonOperator;
        return { kind: 'compare', field, op, value: this.value() };
      }
    }
    if (negated) throw wiqlError(`Expecting IN, UNDER or CONTAINS after NOT ${this.where()}.`);
    const t = this.peek();
    if (t?.type !== 'op' || !COMPARISONS.has(t.text))
      throw wiqlError(`Expecting an operator ${this.where()}.`);
    this.i++;
    return { kind: 'compare', field, op: t.text as ComparisonOperator, value: this.value() };
  }

  private value(): Value {
    const t = this.peek();
    if (t?.type === 'string') {
      this.i++;
      return { kind: 'string', value: t.text };
    }
    if (t?.type === 'number') {
      this.i++;
      return { kind: 'number', value: t.value };
    }
    if (t?.type === 'macro') {
      this.i++;
      let offset = 0;
      const sign = this.peek();
      if (sign?.type === 'op' && (sign.text === '+' || sign.text === '-')) {
        this.i++;
        const n = this.peek();
        if (n?.type !== 'number' || !Number.isInteger(n.value) || n.value < 0)
          throw wiqlError(`Expecting a whole number after ${sign.text} ${this.where()}.`);
        this.i++;
        offset = sign.text === '-' ? -n.value : n.value;
      }
      return { kind: 'macro', name: t.text.toLowerCase(), offset };
    }
    throw wiqlError(`Expecting a value ${this.where()}.`);
  }
}

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);
const RESERVED = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'UNDER',
  'CONTAINS',
  'ORDER',
  'BY',
  'ASC',
  'DESC',
]);

export function parse(text: string): Query {
  if (text.length > MAX_LENGTH)
    throw wiqlError(`The query is longer than ${MAX_LENGTH} characters.`);
  return new Parser(tokenize(text)).query();
}
