/**
 * Minimal Rally-like pages: `/slm/#/detail/<type>/<oid>` (the link Tandem stores) is served by
 * `/slm/`, whose script forwards to `/slm/detail/<type>/<oid>`, a server-rendered page showing
 * the artifact's fields. Pages need the browser session of the login page, as Rally does.
 */
import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { BROWSER_COOKIE } from '../auth/middleware.ts';
import type { AppEnv, Sim } from '../context.ts';
import { esc, layout } from '../pages/html.ts';
import { ALL_TYPES, typeSpec } from '../state/schema.ts';
import type { RallyObject } from '../state/store.ts';
import { detailLink } from '../webhooks/payload.ts';
import { Renderer } from '../wsapi/render.ts';

const FORWARD = `<script>
  (function () {
    var m = /^#\\/detail\\/(.+)$/.exec(location.hash);
    if (m) location.replace('/slm/detail/' + m[1]);
  })();
</script>`;

export function pageRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();

  const user = (c: Context<AppEnv>) => {
    const sid = getCookie(c, BROWSER_COOKIE);
    return sid ? sim.auth.browserSessions.get(sid) : undefined;
  };

  app.get('/', (c) =>
    c.html(
      layout(
        'Home',
        `${FORWARD}<h1>Rally simulator</h1><p>Open an artifact link such as <code>/slm/#/detail/userstory/7000000101</code>.</p>`,
      ),
    ),
  );

  app.get('/detail/*', (c) => {
    const rest = c.req.path.replace(/^.*?\/slm\/detail\//, '');
    if (!user(c)) return c.redirect(`/login?return_to=${encodeURIComponent(c.req.path)}`, 302);
    const m = /^(.+)\/(\d+)$/.exec(rest);
    const t = m ? ALL_TYPES.find((x) => x.detailPath === m[1]?.toLowerCase()) : undefined;
    const o = m && t ? sim.store.find(Number(m[2]), t) : undefined;
    if (!o)
      return c.html(
        layout('Not found', '<h1>Not found</h1><p>This item does not exist or was deleted.</p>'),
        404,
      );
    return c.html(renderArtifact(sim, c.get('base'), o));
  });

  return app;
}

function renderArtifact(sim: Sim, base: string, o: RallyObject): string {
  const t = typeSpec(o.type);
  const r = new Renderer(sim.store, base);
  const rows: string[] = [];
  for (const a of t.attrs) {
    if (a.hidden || a.name === 'ObjectUUID' || a.name === 'Subscription') continue;
    const v = o.values[a.name];
    let cell: string;
    if (a.type === 'COLLECTION') {
      const members = sim.store.collection(o, a);
      cell = members.length
        ? members
            .map((m) => `<a href="${esc(detailLink(base, m))}">${esc(label(sim, m))}</a>`)
            .join(', ')
        : '<span class="id">none</span>';
    } else if (
      (a.type === 'OBJECT' || (a.type === 'STATE' && !a.allowed)) &&
      typeof v === 'number'
    ) {
      const x = sim.store.get(v);
      cell = x ? `<a href="${esc(detailLink(base, x))}">${esc(label(sim, x))}</a>` : '';
    } else if (a.type === 'TEXT') {
      // Rally shows rich text as HTML; the store only holds whitelisted HTML.
      cell = String(v ?? '');
    } else {
      cell = esc(v ?? '');
    }
    rows.push(
      `<tr><th scope="row">${esc(a.display)}</th><td data-field="${esc(a.name)}">${cell}</td></tr>`,
    );
  }
  const title = `${o.values.FormattedID ? `${o.values.FormattedID}: ` : ''}${sim.store.displayName(o)}`;
  return layout(
    title,
    `<h1><span class="id">${esc(o.values.FormattedID ?? t.displayName)}</span> ${esc(sim.store.displayName(o))}</h1>
<p><a href="${esc(r.ref(o))}">WSAPI</a> · ${esc(t.displayName)}</p>
<table>${rows.join('\n')}</table>`,
  );
}

function label(sim: Sim, o: RallyObject): string {
  const name = sim.store.displayName(o);
  return o.values.FormattedID ? `${o.values.FormattedID}: ${name}` : name;
}
