/**
 * The integration's project scope. By default a record moved from the integrated project into
 * one of its child projects keeps its link; with *Exclude child updates* the move breaks the
 * link, unless the child project is integrated separately (from the same template).
 */
import type { ProjectScope } from './config.ts';

/** Where a remote record lives: its project and that project's ancestors, nearest first. */
export interface RemoteProjectPath {
  readonly projectId: string;
  readonly ancestorIds: readonly string[];
}

export interface RemoteProject {
  readonly id: string;
  readonly parentId: string | null;
}

/**
 * Whether a record in this project belongs to the integration. `otherIntegratedProjectIds` are
 * child projects integrated by sibling integrations of the same template.
 */
export function isInScope(
  scope: ProjectScope,
  where: RemoteProjectPath,
  otherIntegratedProjectIds: readonly string[] = [],
): boolean {
  if (where.projectId === scope.projectId) return true;
  if (!where.ancestorIds.includes(scope.projectId)) return false;
  return !scope.excludeChildUpdates || otherIntegratedProjectIds.includes(where.projectId);
}

/** The projects whose changes the integration listens to (one webhook rule each, where the remote needs that). */
export function projectsToWatch(scope: ProjectScope, projects: readonly RemoteProject[]): string[] {
  if (scope.excludeChildUpdates) return [scope.projectId];
  const watched = [scope.projectId];
  for (let i = 0; i < watched.length; i++) {
    for (const p of projects)
      if (p.parentId === watched[i] && !watched.includes(p.id)) watched.push(p.id);
  }
  return watched;
}

/** The ancestors of a project in a project list, nearest first (for `RemoteProjectPath`). */
export function ancestorsOf(projectId: string, projects: readonly RemoteProject[]): string[] {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const out: string[] = [];
  let parent = byId.get(projectId)?.parentId ?? null;
  while (parent !== null && !out.includes(parent)) {
    out.push(parent);
    parent = byId.get(parent)?.parentId ?? null;
  }
  return out;
}
