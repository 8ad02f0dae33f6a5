import { ROADMAP_FIELD_LABELS, type SendSummary } from '@tandem/contracts';
import { type IntegrationRow, planRecordsRepository } from '@tandem/storage';
import type { DryRun, SendPlan, SkipReason } from '@tandem/sync-engine';
import type { AppDeps } from '../app-env.ts';

type Row = SendSummary['rows'][number];

const SKIP_WORDS: Record<SkipReason, string> = {
  up_to_date: 'Already up to date: nothing changed since it was last sent',
  create_pending: 'Being sent already',
  kind_not_mapped: 'Not sent: this kind of record is not mapped',
  outside_workspace: 'Not sent: it belongs to another workspace',
  no_template_integration: 'Not sent: its workspace has no integration sharing this template',
  not_found: 'Not found',
  parent_not_sent: 'Waits for its feature, which is being sent already',
};

/** "APP-1: its initiative is not linked…" → "its initiative is not linked…": the row names it. */
export function withoutReference(message: string, referenceNum: string | null): string {
  if (!referenceNum) return message;
  if (message.startsWith(`${referenceNum}: `)) return message.slice(referenceNum.length + 2);
  // "APP-1 has no value for …" → "it has no value for …"
  if (message.startsWith(`${referenceNum} `)) return `it ${message.slice(referenceNum.length + 1)}`;
  return message;
}

type Mapping = {
  roadmapKind?: string;
  enabled?: boolean;
  fields?: { roadmapField?: string; direction?: string }[];
};

/** Mapped fields that never leave the roadmap (mapped from the remote only), in words. */
export function oneWayFields(row: IntegrationRow, kinds: ReadonlySet<string>) {
  const mappings = (row.config.recordMappings as Mapping[] | undefined) ?? [];
  return mappings
    .filter((m) => m.enabled !== false && m.roadmapKind && kinds.has(m.roadmapKind))
    .flatMap((m) =>
      (m.fields ?? [])
        .filter((f) => f.direction === 'from_remote' && f.roadmapField)
        .map((f) => {
          const label = ROADMAP_FIELD_LABELS[f.roadmapField!] ?? f.roadmapField!;
          return {
            recordType: m.roadmapKind!,
            field: f.roadmapField!,
            message: `${label} of ${m.roadmapKind}s is mapped “From ${row.name} only”: changes made in Tandem stay in Tandem and are not sent`,
          };
        }),
    );
}

/**
 * The plan as the send dialog shows it: counts, one row per record (its action, or why it is
 * skipped), warnings without the repeated reference, parking-lot warnings with their fix, and the
 * mapped fields that do not travel.
 */
export async function sendSummary(
  deps: Required<AppDeps>,
  row: IntegrationRow,
  batchId: string | null,
  plan: SendPlan,
  dry: DryRun,
): Promise<SendSummary> {
  const count = (action: string) => plan.steps.filter((s) => s.action === action).length;
  const refs = [...plan.steps.map((s) => s.record), ...plan.skipped.map((s) => s.record)];
  const named = await planRecordsRepository(deps.database.db).describe(row.workspaceId, refs);
  const rows: Row[] = [];
  const seen = new Set<string>();
  const push = (r: Row) => {
    const key = `${r.recordId}:${r.action}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(r);
  };
  for (const step of plan.steps) {
    const base = {
      recordType: step.record.kind,
      recordId: step.record.id,
      referenceNum: step.record.referenceNum,
      name: named.get(step.record.id)?.name ?? null,
    };
    if (step.action === 'create')
      push({
        ...base,
        action: 'create',
        detail: step.parent
          ? `New in ${row.name}, under ${step.parent.referenceNum}`
          : `New in ${row.name}`,
      });
    else if (step.action === 'update')
      push({
        ...base,
        action: 'update',
        detail: `Send changes: ${step.fields.map((f) => ROADMAP_FIELD_LABELS[f] ?? f).join(', ')}`,
      });
    else push({ ...base, action: 'link', detail: `Attach to ${step.parent.referenceNum}` });
  }
  for (const s of plan.skipped)
    push({
      recordType: s.record.kind,
      recordId: s.record.id,
      referenceNum: s.record.referenceNum,
      name: named.get(s.record.id)?.name ?? null,
      action: 'skip',
      detail: SKIP_WORDS[s.reason],
    });

  const warnings: SendSummary['warnings'] = plan.warnings.map((w) => ({
    referenceNum: w.record.referenceNum,
    severity: w.severity,
    message: withoutReference(w.message, w.record.referenceNum),
  }));
  for (const step of plan.steps) {
    if (step.record.kind !== 'feature' || step.action !== 'create') continue;
    const release = named.get(step.record.id)?.release;
    if (release?.parkingLot)
      warnings.push({
        referenceNum: step.record.referenceNum,
        severity: 'warning',
        message: `it is in the parking lot “${release.name}”, which is never sent: it arrives in ${row.name} without a release. To plan it there, move it to a scheduled release first.`,
      });
  }
  // The kinds this integration sends or would send now (not a record skipped as another's).
  const kinds = new Set<string>([
    ...plan.steps.map((s) => s.record.kind),
    ...plan.skipped.filter((s) => s.reason === 'up_to_date').map((s) => s.record.kind),
  ]);
  return {
    batchId,
    creates: count('create'),
    updates: count('update'),
    links: count('link'),
    skipped: plan.skipped.length,
    blocked: dry.blocked,
    warnings,
    summary: dry.summary,
    rows,
    oneWay: oneWayFields(row, kinds),
  };
}
