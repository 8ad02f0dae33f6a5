/** The API reference as one HTML page, rendered from the OpenAPI document (no script, no CDN). */
type Operation = {
  operationId: string;
  summary: string;
  description: string;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const schemaOf = (content?: Record<string, { schema: unknown }>) =>
  content
    ? `<pre>${escapeHtml(JSON.stringify(content['application/json']?.schema, null, 2))}</pre>`
    : '';

export function referencePage(document: {
  info: { title: string; description: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
}): string {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const op = raw as Operation;
      const ok = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
      return `<section id="${escapeHtml(op.operationId)}">
<h2><code>${method.toUpperCase()} ${escapeHtml(document.servers[0]?.url ?? '')}${escapeHtml(path)}</code></h2>
<p>${escapeHtml(op.summary)}. ${escapeHtml(op.description)}</p>
${op.requestBody ? `<h3>Body</h3>${schemaOf(op.requestBody.content)}` : ''}
${ok ? `<h3>${escapeHtml(ok[0])} answer</h3>${schemaOf(ok[1].content)}` : ''}
</section>`;
    }),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{background:#f5f5f7;padding:.75rem;overflow:auto;font-size:12px}</style>
</head><body>
<h1>${escapeHtml(document.info.title)}</h1>
<p>${escapeHtml(document.info.description)} Send <code>Authorization: Bearer tdm_…</code>. The machine-readable document is <a href="openapi.json">openapi.json</a>.</p>
${operations.join('\n')}
</body></html>`;
}
