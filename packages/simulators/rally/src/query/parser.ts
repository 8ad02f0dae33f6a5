import { type Expr, OPERATORS, type Operator, QueryError, type Value } from './ast.ts';
import { type Token, tokenize } from './tokenizer.ts';

const MAX_DEPTH = 64;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Parse a Rally query such as `((Name contains "x") AND (Project.Name = "Team Alpha"))`.
 * Every comparison is in parentheses; AND/OR join parenthesised operands (a chain
 * `(A AND B AND C)` is read as `((A AND B) AND C)`). Throws `QueryError` on bad input.
 */
export function parse(input: string): Expr {
  const tokens = tokenize(input);
  const p = new Parser(tokens);
  if (tokens.length === 0) throw new QueryError('Error parsing expression -- the query is empty');
  const e = p.expr(0);
  if (!p.done())
    throw new QueryError(
      `Error parsing expression -- expected end of query but saw "${p.show()}" instead.`,
    );
  return e;
}

class Parser {
  private i = 0;
  private tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  show(): string {
    const tok = this.tokens[this.i];
    if (!tok) return 'end of query';
    return tok.t === 'lparen' ? '(' : tok.t === 'rparen' ? ')' : tok.value;
  }

  private expect(t: 'lparen' | 'rparen'): void {
    const tok = this.tokens[this.i];
    if (!tok || tok.t !== t) {
      throw new QueryError(
        `Error parsing expression -- expected "${t === 'lparen' ? '(' : ')'}" but saw "${this.show()}" instead.`,
      );
    }
    this.i++;
  }

  /** expr := '(' inner ')' */
  expr(depth: number): Expr {
    if (depth > MAX_DEPTH) throw new QueryError('Error parsing expression -- nested too deeply');
    this.expect('lparen');
    const inner = this.inner(depth);
    this.expect('rparen');
    return inner;
  }

  /** inner := expr ((AND|OR) expr)* | path op value */
  private inner(depth: number): Expr {
    const tok = this.tokens[this.i];
    if (tok?.t === 'lparen') {
      let left = this.expr(depth + 1);
      for (;;) {
        const op = this.tokens[this.i];
        if (op?.t !== 'word') break;
        const upper = op.value.toUpperCase();
        if (upper !== 'AND' && upper !== 'OR') {
          throw new QueryError(
            `Error parsing expression -- expected "AND" or "OR" but saw "${op.value}" instead.`,
          );
        }
        this.i++;
        const right = this.expr(depth + 1);
        left = { kind: 'bool', op: upper, left, right };
      }
      return left;
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const attr = this.tokens[this.i];
    if (attr?.t !== 'word' || !PATH.test(attr.value)) {
      throw new QueryError(
        `Error parsing expression -- expected an attribute name but saw "${this.show()}" instead.`,
      );
    }
    this.i++;
    const opTok = this.tokens[this.i];
    const op =
      opTok?.t === 'word' ? OPERATORS.find((o) => o === opTok.value.toLowerCase()) : undefined;
    if (!op) {
      throw new QueryError(
        `Error parsing expression -- expected an operator (=, !=, <, <=, >, >=, contains, !contains) but saw "${this.show()}" instead.`,
      );
    }
    this.i++;
    const value = this.value();
    return { kind: 'cmp', path: attr.value.split('.'), op: op as Operator, value };
  }

  /** value := quoted string | bare words up to ')' (joined by one space) | null */
  private value(): Value {
    const tok = this.tokens[this.i];
    if (tok?.t === 'string') {
      this.i++;
      return { kind: 'string', value: tok.value, quoted: true };
    }
    const words: string[] = [];
    while (this.tokens[this.i]?.t === 'word') {
      words.push((this.tokens[this.i] as { value: string }).value);
      this.i++;
    }
    if (words.length === 0)
      throw new QueryError(
        `Error parsing expression -- expected a value but saw "${this.show()}" instead.`,
      );
    const joined = words.join(' ');
    if (joined.toLowerCase() === 'null') return { kind: 'null' };
    return { kind: 'string', value: joined, quoted: false };
  }
}
