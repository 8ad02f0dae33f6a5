/** Parsing Rally refs (absolute or relative) the way the official toolkits write them. */

const ID =
  '(-?[0-9]+|[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}|[a-fA-F0-9]{32})';
const DYNA = new RegExp(`(?:^|/)(portfolioitem/\\w+)/${ID}(?:/(\\w+))?(?:\\.js)?(?:\\?.*)?$`, 'i');
const PLAIN = new RegExp(`(?:^|/)(\\w+)/${ID}(?:/(\\w+))?(?:\\.js)?(?:\\?.*)?$`);

export interface ParsedRef {
  /** Type segment as written, e.g. `hierarchicalrequirement`, `portfolioitem/feature`. */
  type: string;
  /** ObjectID (number) or ObjectUUID (dashed, lower-case). */
  id: number | string;
  collection?: string;
}

function normaliseId(raw: string): number | string {
  if (/^-?\d+$/.test(raw)) return Number(raw);
  if (raw.length === 32) {
    const h = raw.toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return raw.toLowerCase();
}

export function parseRef(input: unknown): ParsedRef | null {
  let s: unknown = input;
  if (s && typeof s === 'object' && '_ref' in s) s = (s as { _ref: unknown })._ref;
  if (typeof s !== 'string' || s.length === 0 || s.length > 2000) return null;
  const m = DYNA.exec(s) ?? PLAIN.exec(s);
  if (!m?.[1] || !m[2]) return null;
  const ref: ParsedRef = { type: m[1], id: normaliseId(m[2]) };
  if (m[3]) ref.collection = m[3];
  return ref;
}
