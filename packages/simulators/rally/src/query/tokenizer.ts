import { QueryError } from './ast.ts';

export type Token =
  | { t: 'lparen'; pos: number }
  | { t: 'rparen'; pos: number }
  | { t: 'string'; value: string; pos: number }
  | { t: 'word'; value: string; pos: number };

const MAX_LENGTH = 100_000;

/**
 * Split a query into parentheses, double-quoted strings and bare words. Operators are bare words
 * (`=`, `!=`, `contains`…) separated by spaces; `(A=B)` without spaces is split too.
 */
export function tokenize(input: string): Token[] {
  if (input.length > MAX_LENGTH) throw new QueryError('Query is too long');
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '(') {
      out.push({ t: 'lparen', pos: i++ });
    } else if (c === ')') {
      out.push({ t: 'rparen', pos: i++ });
    } else if (c === '"') {
      const start = i++;
      let value = '';
      while (i < input.length && input[i] !== '"') {
        if (
          input[i] === '\\' &&
          i + 1 < input.length &&
          (input[i + 1] === '"' || input[i + 1] === '\\')
        ) {
          value += input[i + 1];
          i += 2;
        } else value += input[i++];
      }
      if (i >= input.length)
        throw new QueryError(
          `Error parsing expression -- unterminated string starting at position ${start}`,
        );
      i++;
      out.push({ t: 'string', value, pos: start });
    } else {
      const start = i;
      // Comparison operators stand alone even without surrounding spaces.
      const op = /^(!=|<=|>=|=|<|>)/.exec(input.slice(i, i + 2));
      if (op?.[1]) {
        out.push({ t: 'word', value: op[1], pos: i });
        i += op[1].length;
        continue;
      }
      while (i < input.length && !/[\s()"]/.test(input[i] as string)) {
        if (/[=<>]/.test(input[i] as string) || (input[i] === '!' && input[i + 1] === '=')) break;
        i++;
      }
      if (i === start) {
        // A lone '!' not followed by '=': keep it as a word so the parser can report it.
        i++;
      }
      out.push({ t: 'word', value: input.slice(start, i), pos: start });
    }
  }
  return out;
}
