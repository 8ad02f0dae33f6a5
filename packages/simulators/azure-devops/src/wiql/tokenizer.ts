/** WIQL text → tokens. Throws WiqlError (400) on anything it cannot read. */
import { AdoError } from '../errors.ts';

export type Token =
  | { type: 'word'; text: string; pos: number }
  | { type: 'field'; text: string; pos: number }
  | { type: 'string'; text: string; pos: number }
  | { type: 'number'; value: number; pos: number }
  | { type: 'macro'; text: string; pos: number }
  | { type: 'op'; text: string; pos: number }
  | { type: 'punct'; text: '(' | ')' | ','; pos: number };

export function wiqlError(detail: string): AdoError {
  return new AdoError(`TF51006: The query statement is not valid. ${detail}`, {
    status: 400,
    typeKey: 'SyntaxException',
    namespace: 'Microsoft.TeamFoundation.WorkItemTracking.Common',
    eventId: 3200,
  });
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const pos = i;
    if (c === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) throw wiqlError(`Expecting ']' for the field that starts at position ${pos}.`);
      const name = text.slice(i + 1, end).trim();
      if (!name) throw wiqlError(`Empty field name at position ${pos}.`);
      tokens.push({ type: 'field', text: name, pos });
      i = end + 1;
    } else if (c === "'" || c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw wiqlError(`Unterminated string at position ${pos}.`);
        if (text[i] === c && text[i + 1] === c) {
          value += c;
          i += 2;
        } else if (text[i] === c) {
          i++;
          break;
        } else value += text[i++];
      }
      tokens.push({ type: 'string', text: value, pos });
    } else if (c === '@') {
      const m = /^@[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      if (!m) throw wiqlError(`Expecting a macro name at position ${pos}.`);
      tokens.push({ type: 'macro', text: m[0].slice(1), pos });
      i += m[0].length;
    } else if (
      /[0-9]/.test(c) ||
      (c === '-' && /[0-9]/.test(text[i + 1] ?? '') && !endsValue(tokens))
    ) {
      const m = /^-?\d+(\.\d+)?/.exec(text.slice(i))!;
      tokens.push({ type: 'number', value: Number(m[0]), pos });
      i += m[0].length;
    } else if ('<>=!+-'.includes(c)) {
      const two = text.slice(i, i + 2);
      const op = ['<>', '<=', '>=', '!='].includes(two) ? two : c;
      if (op === '!') throw wiqlError(`Unexpected '!' at position ${pos}.`);
      tokens.push({ type: 'op', text: op === '!=' ? '<>' : op, pos });
      i += op.length;
    } else if ('(),'.includes(c)) {
      tokens.push({ type: 'punct', text: c as '(' | ')' | ',', pos });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i))!;
      tokens.push({ type: 'word', text: m[0], pos });
      i += m[0].length;
    } else {
      throw wiqlError(`Unexpected character '${c}' at position ${pos}.`);
    }
  }
  return tokens;
}

/** After a value a '-' is an operator (`@today - 7`), not a sign. */
function endsValue(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return last?.type === 'macro' || last?.type === 'number' || last?.type === 'string';
}
