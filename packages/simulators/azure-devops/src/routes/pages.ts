/** A readable page per work item, where `_links.html` and Tandem's links point. */
import { Hono } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { escapeHtml, page } from '../pages/html.ts';
import { findField } from '../process/fields.ts';
import { current } from '../state/model.ts';
import { linkedWorkItemId } from '../workitems/relations.ts';
import type { Ctx } from './helpers.ts';

const SHOWN = [
  'System.State',
  'System.Reason',
  'System.AssignedTo',
  'System.AreaPath',
  'System.IterationPath',
  'System.Tags',
  'Microsoft.VSTS.Common.Priority',
  'Custom.RiskLevel',
  'System.CreatedBy',
  'System.CreatedDate',
  'System.ChangedBy',
  'System.ChangedDate',
];

export function pageRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();
  const show = (c: Ctx, idText: string | undefined) => {
    const org = c.req.param('org' as never) as string;
    const id = Number(idText);
    const item = sim.store.workItems.get(id);
    if (org.toLowerCase() !== sim.organization.toLowerCase() || !item) {
      return c.html(
        page('Not found', `<h1>Work item ${escapeHtml(String(idText))} does not exist</h1>`),
        404,
      );
    }
    const r = current(item);
    const project = sim.store.projects.get(item.projectId)!;
    const value = (ref: string) => {
      const v = r.fields[ref];
      if (v === undefined || v === null || v === '') return '';
      if (findField(ref)?.type === 'identity')
        return sim.store.user(String(v))?.displayName ?? String(v);
      return String(v);
    };
    const rows = SHOWN.filter((ref) => value(ref) !== '')
      .map(
        (ref) =>
          `<tr><th>${escapeHtml(findField(ref)!.name)}</th><td>${escapeHtml(value(ref))}</td></tr>`,
      )
      .join('');
    const links = r.relations
      .map((rel) => {
        const target = linkedWorkItemId(rel.url);
        const label = String(rel.attributes.name ?? rel.rel);
        const href = target
          ? `/${sim.organization}/_workitems/edit/${target}`
          : rel.url.startsWith('vsim:')
            ? `/${sim.organization}${rel.url.slice(5)}`
            : rel.url;
        return `<li>${escapeHtml(label)}: <a href="${escapeHtml(href)}">${escapeHtml(target ? `#${target}` : href)}</a></li>`;
      })
      .join('');
    const type = String(r.fields['System.WorkItemType']);
    const title = String(r.fields['System.Title'] ?? '');
    const body = `<p>${escapeHtml(project.name)} · ${escapeHtml(type)} ${item.id} · rev ${r.rev}${item.deleted ? ' · <strong>in the recycle bin</strong>' : ''}</p>
<h1>${escapeHtml(title)}</h1>
<p><span class="state">${escapeHtml(value('System.State'))}</span></p>
<table>${rows}</table>
${links ? `<h2>Links</h2><ul>${links}</ul>` : ''}
<div class="description"><h2>Description</h2>${String(r.fields['System.Description'] ?? r.fields['Microsoft.VSTS.TCM.ReproSteps'] ?? '')}</div>`;
    return c.html(page(`${type} ${item.id}: ${title}`, body));
  };
  app.get('/:org/:project/_workitems/edit/:id', (c) => show(c, c.req.param('id')));
  app.get('/:org/_workitems/edit/:id', (c) => show(c, c.req.param('id')));
  app.get('/:org/web/wi.aspx', (c) => show(c, c.req.query('id')));
  return app;
}
