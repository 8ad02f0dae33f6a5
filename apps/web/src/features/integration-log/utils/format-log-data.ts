/** One block of an opened log entry: a heading and pretty-printed text. */
export interface LogDataSection {
  label: string;
  text: string;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** A body as sent: JSON bodies pretty-printed, anything else as it was. */
function body(text: string): string {
  try {
    return pretty(JSON.parse(text));
  } catch {
    return text;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What an opened entry shows. An HTTP exchange (the transport's request log) reads as the
 * request, then the response, each body pretty-printed; other data as one JSON block. Secrets
 * were redacted when the entry was written.
 */
export function formatLogData(data: unknown): LogDataSection[] {
  if (data === null || data === undefined) return [];
  if (!isRecord(data) || !('method' in data && 'url' in data)) {
    return [{ label: 'Details', text: pretty(data) }];
  }
  const { requestHeaders, requestBody, responseBody, ...rest } = data;
  const sections: LogDataSection[] = [];
  const request = [`${String(data.method)} ${String(data.url)}`];
  if (isRecord(requestHeaders))
    for (const [name, value] of Object.entries(requestHeaders)) request.push(`${name}: ${value}`);
  if (typeof requestBody === 'string' && requestBody) request.push('', body(requestBody));
  sections.push({ label: 'Request', text: request.join('\n') });
  if (typeof responseBody === 'string' && responseBody) {
    const status =
      data.status === null || data.status === undefined
        ? 'no answer'
        : `HTTP ${String(data.status)}`;
    sections.push({ label: `Response (${status})`, text: body(responseBody) });
  }
  sections.push({ label: 'Details', text: pretty(rest) });
  return sections;
}
