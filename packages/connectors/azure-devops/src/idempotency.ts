/**
 * Where a create's idempotency token lives in Azure DevOps, so that after an ambiguous failure
 * (the answer to a create was lost) the work item can be found again: a tag `tandem-token:<token>`,
 * which WIQL finds with `[System.Tags] CONTAINS` (tags match whole). Azure DevOps has no hidden
 * field without customising the process, and a tag survives every process. Reads strip it, so
 * the roadmap never sees it; an update that writes `System.Tags` keeps it.
 */
import { RemoteError } from '@tandem/connector-kit';

const prefix = 'tandem-token:';

export function tokenTag(token: string): string {
  if (!/^[\w.:-]{1,200}$/.test(token)) {
    throw new RemoteError(
      'validation',
      `An idempotency token may hold letters, digits and . : _ - only: ${token}`,
      { retryable: false },
    );
  }
  return `${prefix}${token}`;
}

export function splitTags(tags: unknown): string[] {
  return typeof tags === 'string'
    ? tags
        .split(/[;,]/)
        .map((t) => t.trim())
        .filter(Boolean)
    : [];
}

/** `a; tandem-token:x; b` → `a; b`. */
export function stripTokenTag(tags: string): string {
  return splitTags(tags)
    .filter((t) => !t.toLowerCase().startsWith(prefix))
    .join('; ');
}

/** The tags to write: the ones asked for, plus our token tags already on the item. */
export function withTokenTags(asked: unknown, current: unknown, token?: string): string {
  const kept = splitTags(current).filter((t) => t.toLowerCase().startsWith(prefix));
  const all = [...splitTags(asked), ...kept, ...(token ? [tokenTag(token)] : [])];
  return [...new Set(all)].join('; ');
}

/** The WIQL that finds the work item carrying `token` in a project. */
export function tokenQuery(token: string, type: string): string {
  const tag = tokenTag(token).replace(/'/g, "''");
  return `SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project AND [System.WorkItemType] = '${type.replace(/'/g, "''")}' AND [System.Tags] CONTAINS '${tag}'`;
}
