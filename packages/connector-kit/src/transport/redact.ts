/**
 * Secret redaction for the request log. Three layers, applied to everything logged:
 * 1. names: headers, query parameters, form fields and JSON keys that look secret;
 * 2. shapes: `Bearer …`, `key=value` pairs in free text;
 * 3. values: the literal secrets the transport knows (credentials in use), wherever they appear.
 */

export const REDACTED = '[REDACTED]';

/** Names whose value is a secret: JSON keys, query and form parameters. */
const secretName = /secret|token|password|passwd|key|authorization|cookie|session|credential/i;

/**
 * Secret names too short or too common to match as parts of a name: OAuth's authorization
 * `code` and PKCE `code_verifier` (a `code` in any field, query or body is redacted, even a
 * numeric one), `assertion`, a password spelled `pwd`/`pass`.
 */
const secretExactNames = new Set([
  'code',
  'code_verifier',
  'codeverifier',
  'assertion',
  'client_assertion',
  'pwd',
  'pass',
]);

/** Header names whose value is a secret (beyond `secretName`). */
const secretHeaders = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'zsessionid',
  'x-api-key',
]);

export function isSecretName(name: string): boolean {
  return secretName.test(name) || secretExactNames.has(name.toLowerCase().replace(/-/g, '_'));
}

export class Redactor {
  readonly #literal: string[];
  readonly #values: string[];

  /** `values`: literal secrets to scrub anywhere. Values shorter than 4 chars are ignored. */
  constructor(values: Iterable<string> = []) {
    const literal = [...values].filter((value) => value.length >= 4);
    this.#literal = literal;
    const encoded = literal.flatMap((value) => [
      encodeURIComponent(value),
      JSON.stringify(value).slice(1, -1),
    ]);
    this.#values = [...new Set([...literal, ...encoded])].sort((a, b) => b.length - a.length);
  }

  withValues(values: Iterable<string>): Redactor {
    return new Redactor([...this.#literal, ...values]);
  }

  headers(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      out[lower] = secretHeaders.has(lower) || isSecretName(lower) ? REDACTED : this.text(value);
    }
    return out;
  }

  url(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return this.text(raw);
    }
    if (url.username) url.username = REDACTED;
    if (url.password) url.password = REDACTED;
    const params = [...url.searchParams.entries()];
    if (params.length > 0) {
      url.search = new URLSearchParams(
        params.map(([name, value]): [string, string] => [
          name,
          isSecretName(name) ? REDACTED : value,
        ]),
      ).toString();
    }
    return this.#scrub(url.toString());
  }

  /** A body as logged: JSON and form bodies field by field, anything else as text. */
  body(body: string, contentType: string | undefined): string {
    const type = contentType?.toLowerCase() ?? '';
    if (type.includes('application/x-www-form-urlencoded')) return this.form(body);
    const trimmed = body.trimStart();
    if (type.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return JSON.stringify(this.json(JSON.parse(body)));
      } catch {
        // not JSON after all: fall through to text
      }
    }
    return this.text(body);
  }

  json(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        out[this.#scrub(key)] = isSecretName(key) ? REDACTED : this.json(item);
      }
      return out;
    }
    if (typeof value === 'number' || typeof value === 'bigint') {
      const asText = String(value);
      return this.#scrub(asText) === asText ? value : REDACTED;
    }
    return value;
  }

  form(body: string): string {
    const params = new URLSearchParams(body);
    return this.#scrub(
      new URLSearchParams(
        [...params.entries()].map(([name, value]): [string, string] => [
          name,
          isSecretName(name) ? REDACTED : this.text(value),
        ]),
      ).toString(),
    );
  }

  text(value: string): string {
    const shaped = value
      .replace(
        /\b(Bearer|Basic|Token)\s+(?!(?:Bearer|Basic|Token)\b)[A-Za-z0-9._~+/=-]+/gi,
        `$1 ${REDACTED}`,
      )
      // `name=value` / `"name": "value"`. The lookbehind makes a name start only at a boundary,
      // which keeps this linear on long runs of word characters.
      .replace(
        /(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+)(["']?\s*[=:]\s*["']?)([^"'&\s,;}]+)/g,
        (match, name: string, separator: string) =>
          isSecretName(name) ? `${name}${separator}${REDACTED}` : match,
      )
      .replace(/(\/\/)[^/@\s:]+:[^/@\s]+@/g, `$1${REDACTED}@`);
    return this.#scrub(shaped);
  }

  #scrub(value: string): string {
    let out = value;
    for (const secret of this.#values) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }
}
