/** A work item as Azure DevOps answers it → the port's `RemoteRecord`. Pure. */
import type { RemoteRecord } from '@tandem/connector-kit';
import { stripTokenTag } from './idempotency.ts';

export interface Relation {
  rel: string;
  url: string;
  attributes?: Record<string, unknown>;
}

export interface WorkItem {
  id: number;
  rev: number;
  fields?: Record<string, unknown>;
  relations?: Relation[];
  _links?: { html?: { href?: string } };
  url?: string;
}

export const PARENT = 'System.LinkTypes.Hierarchy-Reverse';

/** `…/_apis/wit/workItems/42` → `42`. */
export function idFromUrl(url: string): string | null {
  return /\/workitems\/(\d+)(?:[?#].*)?$/i.exec(url)?.[1] ?? null;
}

export function workItemUrl(orgUrl: string, id: string | number): string {
  return `${orgUrl}/_apis/wit/workItems/${id}`;
}

/** An identity as 7.1 answers (an IdentityRef) or as service hooks do (`Name <email>`). */
export function identityKey(value: unknown): string | null {
  if (typeof value === 'string') {
    const email = /<([^>]+)>\s*$/.exec(value)?.[1];
    return (email ?? value).trim() || null;
  }
  if (value && typeof value === 'object') {
    const ref = value as { uniqueName?: string; id?: string; name?: string };
    return ref.uniqueName ?? identityKey(ref.name) ?? ref.id ?? null;
  }
  return null;
}

export function toRecord(orgUrl: string, item: WorkItem): RemoteRecord {
  const fields: Record<string, unknown> = { ...(item.fields ?? {}) };
  if (typeof fields['System.Tags'] === 'string') {
    fields['System.Tags'] = stripTokenTag(fields['System.Tags']);
  }
  const parent = item.relations?.find((r) => r.rel === PARENT);
  const parentId =
    (parent ? idFromUrl(parent.url) : null) ??
    (typeof fields['System.Parent'] === 'number' ? String(fields['System.Parent']) : null);
  if (parentId) fields['System.Parent'] = parentId;
  else delete fields['System.Parent'];
  const type = String(fields['System.WorkItemType'] ?? 'Work item');
  const project = String(fields['System.TeamProject'] ?? '');
  const areaPath = typeof fields['System.AreaPath'] === 'string' ? fields['System.AreaPath'] : '';
  const html =
    item._links?.html?.href ??
    `${orgUrl}/${encodeURIComponent(project)}/_workitems/edit/${item.id}`;
  const changed = fields['System.ChangedDate'] ?? fields['System.CreatedDate'];
  return {
    id: String(item.id),
    formattedId: `#${item.id}`,
    url: html,
    type,
    fields,
    version: String(item.rev),
    updatedAt: typeof changed === 'string' ? changed : new Date(0).toISOString(),
    ...(parentId ? { parentId } : {}),
    ...(areaPath ? { scopeId: areaPath } : {}),
  };
}
