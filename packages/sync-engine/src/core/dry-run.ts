/** The summary of a send plan the UI shows before a bulk send. */
import type { PlanStep, PlanWarning, SendPlan, SkipReason } from './send-plan.ts';
import { ROADMAP_KINDS, type RoadmapKind } from './types.ts';

export interface KindCounts {
  readonly create: number;
  readonly update: number;
  readonly link: number;
  readonly skip: number;
}

export interface DryRun {
  readonly counts: Readonly<Record<RoadmapKind, KindCounts>>;
  /** Remote writes the plan performs (creates, updates and links). */
  readonly remoteWrites: number;
  readonly skippedByReason: Readonly<Partial<Record<SkipReason, number>>>;
  readonly warnings: readonly PlanWarning[];
  /** True when a warning is an error: the send would fail for at least one record. */
  readonly blocked: boolean;
  /** One line for people, e.g. "Create 1 release, 3 features and 9 requirements; update 1 feature". */
  readonly summary: string;
}

export function dryRun(plan: SendPlan): DryRun {
  const counts = Object.fromEntries(
    ROADMAP_KINDS.map((k) => [k, { create: 0, update: 0, link: 0, skip: 0 }]),
  ) as Record<RoadmapKind, { create: number; update: number; link: number; skip: number }>;
  for (const step of plan.steps) counts[step.record.kind][step.action] += 1;
  const skippedByReason: Partial<Record<SkipReason, number>> = {};
  for (const s of plan.skipped) {
    counts[s.record.kind].skip += 1;
    skippedByReason[s.reason] = (skippedByReason[s.reason] ?? 0) + 1;
  }
  return {
    counts,
    remoteWrites: plan.steps.length,
    skippedByReason,
    warnings: plan.warnings,
    blocked: plan.warnings.some((w) => w.severity === 'error'),
    summary: summarise(plan.steps, plan.skipped.length),
  };
}

const plural = (n: number, kind: RoadmapKind) => `${n} ${kind}${n === 1 ? '' : 's'}`;

function summarise(steps: readonly PlanStep[], skipped: number): string {
  const parts: string[] = [];
  for (const action of ['create', 'update', 'link'] as const) {
    const kinds = ROADMAP_KINDS.map(
      (k) => [k, steps.filter((s) => s.action === action && s.record.kind === k).length] as const,
    )
      .filter(([, n]) => n > 0)
      .map(([k, n]) => plural(n, k));
    if (kinds.length === 0) continue;
    const list =
      kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
    parts.push(`${action} ${list}`);
  }
  if (skipped > 0) parts.push(`skip ${skipped} already up to date or not sendable`);
  const text = parts.join('; ');
  return text === '' ? 'Nothing to send' : text.charAt(0).toUpperCase() + text.slice(1);
}
