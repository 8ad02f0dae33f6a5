import type { PreflightReportView } from '@tandem/contracts';
import { KIND_LABEL, type RoadmapKind } from './mapping-editor';

export interface IssueGroup {
  title: string;
  errors: string[];
  warnings: string[];
}

/** Issues per record mapping ("Feature → <system> PortfolioItem/Feature"), errors first. */
export function groupIssues(
  issues: PreflightReportView['issues'],
  remoteName: string,
): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const kind = issue.roadmapKind as RoadmapKind | null;
    const title = kind
      ? `${KIND_LABEL[kind] ?? kind} → ${remoteName} ${issue.remoteType ?? ''}`.trim()
      : 'All mappings';
    const group = groups.get(title) ?? { title, errors: [], warnings: [] };
    const list = issue.severity === 'error' ? group.errors : group.warnings;
    if (!list.includes(issue.message)) list.push(issue.message);
    groups.set(title, group);
  }
  return [...groups.values()].sort((a, b) => b.errors.length - a.errors.length);
}
