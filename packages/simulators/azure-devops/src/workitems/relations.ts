/**
 * Links on a work item. Work item and attachment URLs are stored base-free (`vsim:/_apis/...`)
 * so a restart on another port keeps them; rendering puts the current base URL back.
 */
import { AdoError, extraParent } from '../errors.ts';
import type { Attachment, Relation } from '../state/model.ts';

export const LOCAL = 'vsim:';

/** Work item link types and the type the other end gets. */
export const WORK_ITEM_LINKS: Record<string, { name: string; reverse: string }> = {
  'System.LinkTypes.Hierarchy-Forward': {
    name: 'Child',
    reverse: 'System.LinkTypes.Hierarchy-Reverse',
  },
  'System.LinkTypes.Hierarchy-Reverse': {
    name: 'Parent',
    reverse: 'System.LinkTypes.Hierarchy-Forward',
  },
  'System.LinkTypes.Related': { name: 'Related', reverse: 'System.LinkTypes.Related' },
  'System.LinkTypes.Dependency-Forward': {
    name: 'Successor',
    reverse: 'System.LinkTypes.Dependency-Reverse',
  },
  'System.LinkTypes.Dependency-Reverse': {
    name: 'Predecessor',
    reverse: 'System.LinkTypes.Dependency-Forward',
  },
};
const OTHER_LINKS = new Set(['AttachedFile', 'Hyperlink', 'ArtifactLink']);

export const workItemUrl = (id: number) => `${LOCAL}/_apis/wit/workItems/${id}`;
export const attachmentUrl = (id: string) => `${LOCAL}/_apis/wit/attachments/${id}`;

export function linkedWorkItemId(url: string): number | null {
  const m = /\/_apis\/wit\/workitems\/(\d+)\/?$/i.exec(url);
  return m ? Number(m[1]) : null;
}

export function linkedAttachmentId(url: string): string | null {
  const m = /\/_apis\/wit\/attachments\/([0-9a-f-]{36})/i.exec(url);
  return m ? m[1]!.toLowerCase() : null;
}

/** Relation URLs as clients see them. */
export function renderRelation(r: Relation, orgUrl: string): Relation {
  return r.url.startsWith(LOCAL) ? { ...r, url: `${orgUrl}${r.url.slice(LOCAL.length)}` } : r;
}

export interface RelationContext {
  selfId: number;
  workItemExists: (id: number) => boolean;
  attachment: (id: string) => Attachment | undefined;
  now: string;
}

const badLink = (message: string) =>
  new AdoError(message, { status: 400, typeKey: 'WorkItemLinkInvalidException', eventId: 3200 });

/** Canonical relations, or throws what Azure DevOps answers for a bad or second parent link. */
export function normaliseRelations(relations: Relation[], ctx: RelationContext): Relation[] {
  const out: Relation[] = [];
  const seen = new Set<string>();
  for (const r of relations) {
    const link = WORK_ITEM_LINKS[r.rel];
    let next: Relation;
    if (link) {
      const target = linkedWorkItemId(r.url);
      if (target === null) throw badLink(`VS402320: The link url ${r.url} is not a work item url.`);
      if (target === ctx.selfId) throw badLink('TF201035: A work item cannot be linked to itself.');
      if (!ctx.workItemExists(target))
        throw badLink(`TF201063: The work item ${target} that the link refers to does not exist.`);
      next = {
        rel: r.rel,
        url: workItemUrl(target),
        attributes: { isLocked: false, ...r.attributes, name: link.name },
      };
    } else if (r.rel === 'AttachedFile') {
      const id = linkedAttachmentId(r.url);
      const file = id ? ctx.attachment(id) : undefined;
      if (!id || !file) throw badLink(`TF401001: The attachment ${r.url} does not exist.`);
      next = {
        rel: r.rel,
        url: attachmentUrl(id),
        attributes: {
          authorizedDate: r.attributes.authorizedDate ?? ctx.now,
          id: r.attributes.id ?? attachmentNumber(id),
          resourceCreatedDate: file.createdDate,
          resourceModifiedDate: file.createdDate,
          revisedDate: '9999-01-01T00:00:00Z',
          resourceSize: file.size,
          ...r.attributes,
          name: file.fileName,
        },
      };
    } else if (OTHER_LINKS.has(r.rel)) {
      next = {
        rel: r.rel,
        url: r.url,
        attributes: { ...r.attributes, ...(r.rel === 'Hyperlink' && { name: 'Hyperlink' }) },
      };
    } else {
      throw badLink(`VS402321: The link type ${r.rel} is not known.`);
    }
    const key = `${next.rel}|${next.url.toLowerCase()}`;
    if (seen.has(key)) throw badLink(`TF201035: The link ${next.rel} to ${r.url} already exists.`);
    seen.add(key);
    out.push(next);
  }
  const parents = out.filter((r) => r.rel === 'System.LinkTypes.Hierarchy-Reverse');
  if (parents.length > 1) throw extraParent(ctx.selfId, linkedWorkItemId(parents[1]!.url) ?? 0);
  return out;
}

/** A stable small number for an attachment link's `id` attribute. */
function attachmentNumber(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 7), 16);
}

/** Work item links added and removed between two relation lists (for the reciprocal ends). */
export function linkChanges(before: Relation[], after: Relation[]) {
  const key = (r: Relation) => `${r.rel}|${r.url}`;
  const was = new Map(before.filter((r) => WORK_ITEM_LINKS[r.rel]).map((r) => [key(r), r]));
  const now = new Map(after.filter((r) => WORK_ITEM_LINKS[r.rel]).map((r) => [key(r), r]));
  return {
    added: [...now.entries()].filter(([k]) => !was.has(k)).map(([, r]) => r),
    removed: [...was.entries()].filter(([k]) => !now.has(k)).map(([, r]) => r),
  };
}
