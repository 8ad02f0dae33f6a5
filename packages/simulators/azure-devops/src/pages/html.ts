/** Minimal HTML helpers for the simulator's own pages. */

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font:14px/1.5 "Segoe UI",system-ui,sans-serif;margin:0;color:#201f1e}
header{background:#0078d4;color:#fff;padding:8px 24px;font-weight:600}
main{padding:16px 24px;max-width:960px}
table{border-collapse:collapse}td,th{padding:4px 12px 4px 0;text-align:left;vertical-align:top}
th{color:#605e5c;font-weight:600;white-space:nowrap}
.state{display:inline-block;padding:0 8px;border-radius:10px;background:#edebe9}
.description{border-top:1px solid #edebe9;margin-top:16px;padding-top:8px}
</style></head>
<body><header>Azure DevOps (simulator) · tandem-demo</header><main>${body}</main></body>
</html>`;
}
