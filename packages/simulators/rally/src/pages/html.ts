/** Tiny HTML helpers for the login, consent and artifact pages. */

export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Rally (simulator)</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1d2733; }
  header { background: #1d2733; color: #fff; padding: 0.6rem 1.2rem; font-weight: 600; }
  header small { font-weight: 400; opacity: 0.7; margin-left: 0.5rem; }
  main { max-width: 52rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,0.12); }
  label { display: block; margin: 0.8rem 0 0.2rem; font-weight: 600; }
  input[type=text], input[type=password] { width: 100%; padding: 0.5rem; box-sizing: border-box; }
  button { margin-top: 1rem; margin-right: 0.5rem; padding: 0.5rem 1.2rem; }
  .error { color: #b00020; }
  table { border-collapse: collapse; width: 100%; }
  th { text-align: left; width: 14rem; vertical-align: top; padding: 0.35rem 0.5rem; color: #4a5866; }
  td { padding: 0.35rem 0.5rem; border-bottom: 1px solid #eef1f4; }
  .id { color: #4a5866; font-weight: 400; }
</style>
</head>
<body>
<header>Rally <small>local simulator</small></header>
<main>
${body}
</main>
</body>
</html>`;
}
