/**
 * The send plan for a selection of features and/or releases: which records to create, update
 * or link, in which order, through which integration. Order: releases without a link first,
 * then each feature followed by its requirements (created as its children), then linked records
 * in other workspaces whose integration shares this one's template (e.g. an initiative), then
 * the link steps that attach records created out of parent-first order. Records already linked
 * become update steps when they changed since their snapshot, and are skipped otherwise; a
 * record with a create in flight is never planned again. Pure and deterministic: the same input
 * gives the same plan. A record of another workspace is never planned through this integration
 * (only through a peer of its own workspace): it is skipped as `outside_workspace`.
 */
import { type IntegrationConfig, recordMappingFor } from './config.ts';
import { localChanges } from './diff.ts';
import type { MappingIssue } from './mapping/issues.ts';
import { mapToRemote } from './mapping/outgoing.ts';
import { parentField } from './mapping/parents.ts';
import type { RemoteTypeDefinition } from './preflight.ts';
import type {
  IntegrationLink,
  RecordRef,
  RemoteRef,
  RoadmapFieldKey,
  RoadmapRecord,
} from './types.ts';
import { isEmptyValue, readRoadmapField } from './values.ts';

export interface SendSelection {
  readonly featureIds?: readonly string[];
  /** A selected release is sent itself, then every feature in it (by rank). */
  readonly releaseIds?: readonly string[];
}

export interface SendPlanInput {
  readonly integration: IntegrationConfig;
  /** Integrations of other workspaces; those sharing this one's template send linked records. */
  readonly peers?: readonly IntegrationConfig[];
  readonly selection: SendSelection;
  /** The records the plan may touch: the selection, their releases, requirements, initiatives. */
  readonly records: readonly RoadmapRecord[];
  /** The integration fields of those records, for this integration and its peers. */
  readonly links: readonly IntegrationLink[];
  /** The remote's field definitions, to warn about required fields left empty. */
  readonly remoteTypes?: readonly RemoteTypeDefinition[];
}

/** A record as the plan addresses it: which integration sends it. */
export interface PlannedRecord extends RecordRef {
  readonly integrationId: string;
  readonly referenceNum: string;
}

export type PlanStep =
  | {
      readonly action: 'create';
      readonly record: PlannedRecord;
      readonly remoteType: string;
      /** The parent the record is created under (a requirement's feature). */
      readonly parent: PlannedRecord | null;
    }
  | {
      readonly action: 'update';
      readonly record: PlannedRecord;
      readonly remoteType: string;
      readonly fields: readonly RoadmapFieldKey[];
    }
  | {
      readonly action: 'link';
      readonly record: PlannedRecord;
      readonly parent: PlannedRecord;
      /** The child's remote field that points at the parent. */
      readonly remoteField: string;
    };

export type SkipReason =
  | 'up_to_date'
  | 'create_pending'
  | 'kind_not_mapped'
  | 'outside_workspace'
  | 'no_template_integration'
  | 'not_found'
  /** A requirement whose feature is neither linked nor sent now (its create is in flight). */
  | 'parent_not_sent';

export interface SkippedRecord {
  readonly record: RecordRef & { readonly referenceNum: string | null };
  readonly integrationId: string | null;
  readonly reason: SkipReason;
}

export interface PlanWarning {
  readonly record: PlannedRecord;
  readonly severity: 'error' | 'warning';
  readonly code: MappingIssue['code'] | 'required_value_missing';
  readonly message: string;
}

export interface SendPlan {
  readonly integrationId: string;
  readonly steps: readonly PlanStep[];
  readonly skipped: readonly SkippedRecord[];
  readonly warnings: readonly PlanWarning[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => unknown): Map<unknown, T[]> {
  const groups = new Map<unknown, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const byRank = (a: RoadmapRecord, b: RoadmapRecord) =>
  a.fields.rank - b.fields.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function planSend(input: SendPlanInput): SendPlan {
  const { integration } = input;
  const records = new Map(input.records.map((r) => [r.id, r]));
  const links = new Map(input.links.map((l) => [`${l.integrationId}:${l.recordId}`, l]));
  const linkOf = (integrationId: string, id: string) => links.get(`${integrationId}:${id}`);
  const peers = (input.peers ?? []).filter(
    (p) =>
      integration.templateId !== null &&
      p.templateId === integration.templateId &&
      p.workspaceId !== integration.workspaceId,
  );
  const integrationFor = (record: RoadmapRecord) =>
    record.workspaceId === integration.workspaceId
      ? integration
      : peers.find((p) => p.workspaceId === record.workspaceId);

  const steps: PlanStep[] = [];
  const skipped: SkippedRecord[] = [];
  /** Record id → how the plan leaves it: created at step n, or already linked. */
  const planned = new Map<string, { by: IntegrationConfig; createdAt: number | null }>();
  const seen = new Set<string>();

  const skip = (
    record: RoadmapRecord | RecordRef,
    integrationId: string | null,
    reason: SkipReason,
  ) =>
    skipped.push({
      record: {
        kind: record.kind,
        id: record.id,
        referenceNum: 'referenceNum' in record ? record.referenceNum : null,
      },
      integrationId,
      reason,
    });
  const ref = (record: RoadmapRecord, by: IntegrationConfig): PlannedRecord => ({
    kind: record.kind,
    id: record.id,
    integrationId: by.id,
    referenceNum: record.referenceNum,
  });

  /** Plan one record once: create, update, or skip. `implicit` records are only created. */
  const consider = (
    record: RoadmapRecord,
    by: IntegrationConfig,
    parent: RoadmapRecord | null,
    implicit = false,
  ) => {
    if (seen.has(record.id)) return;
    seen.add(record.id);
    // A record is only ever sent by the integration of its own workspace (a peer sharing the
    // template for another workspace's records): never through a stranger's integration.
    if (record.workspaceId !== by.workspaceId) return skip(record, by.id, 'outside_workspace');
    const mapping = recordMappingFor(by, record.kind);
    if (mapping === undefined) return skip(record, by.id, 'kind_not_mapped');
    const link = linkOf(by.id, record.id);
    if (link?.remoteId) {
      planned.set(record.id, { by, createdAt: null });
      if (implicit) return;
      const fields = localChanges(record, mapping, link.lastSyncedSnapshot);
      if (fields.length === 0) return skip(record, by.id, 'up_to_date');
      steps.push({
        action: 'update',
        record: ref(record, by),
        remoteType: mapping.remoteType,
        fields,
      });
      return;
    }
    if (link?.pendingCreateToken) return skip(record, by.id, 'create_pending');
    planned.set(record.id, { by, createdAt: steps.length });
    const parentRef = parent === null ? null : ref(parent, integrationFor(parent) ?? by);
    steps.push({
      action: 'create',
      record: ref(record, by),
      remoteType: mapping.remoteType,
      parent: parentRef,
    });
  };

  // The features, in selection order: a selected release contributes its features by rank.
  const features: RoadmapRecord[] = [];
  const explicitReleases: RoadmapRecord[] = [];
  const featuresOf = groupBy(
    input.records.filter((r) => r.kind === 'feature'),
    (r) => r.fields.releaseId,
  );
  for (const id of input.selection.releaseIds ?? []) {
    const release = records.get(id);
    if (release?.kind !== 'release') {
      skip({ kind: 'release', id }, integration.id, 'not_found');
      continue;
    }
    explicitReleases.push(release);
    features.push(...(featuresOf.get(id) ?? []).sort(byRank));
  }
  for (const id of input.selection.featureIds ?? []) {
    const feature = records.get(id);
    if (feature?.kind !== 'feature') skip({ kind: 'feature', id }, integration.id, 'not_found');
    else features.push(feature);
  }
  const unique = [...new Map(features.map((f) => [f.id, f])).values()];
  const inWorkspace = unique.filter((f) => {
    if (f.workspaceId === integration.workspaceId) return true;
    skip(f, integration.id, 'outside_workspace');
    return false;
  });

  // 1. Releases: the selected ones, then each feature's release when it has no link.
  for (const release of explicitReleases) consider(release, integration, null);
  for (const feature of inWorkspace) {
    const release =
      feature.fields.releaseId === null ? undefined : records.get(feature.fields.releaseId);
    if (release !== undefined) consider(release, integration, null, true);
  }
  // 2. Each feature, then its requirements as its children.
  const requirementsOf = groupBy(
    input.records.filter((r) => r.kind === 'requirement'),
    (r) => r.fields.parentFeatureId,
  );
  for (const feature of inWorkspace) {
    consider(feature, integration, null);
    const requirements = (requirementsOf.get(feature.id) ?? []).sort(byRank);
    for (const requirement of requirements) {
      if (planned.has(feature.id)) consider(requirement, integration, feature);
      else if (!seen.has(requirement.id)) {
        seen.add(requirement.id);
        skip(requirement, integration.id, 'parent_not_sent');
      }
    }
  }
  // 3. Linked records (initiatives), sent by the integration of their own workspace.
  for (const feature of inWorkspace) {
    const initiative =
      feature.fields.initiativeId === null ? undefined : records.get(feature.fields.initiativeId);
    if (initiative === undefined) continue;
    const by = integrationFor(initiative);
    if (by === undefined) {
      if (!seen.has(initiative.id)) skip(initiative, null, 'no_template_integration');
      seen.add(initiative.id);
    } else consider(initiative, by, null, true);
  }
  // 4. Links a create could not carry: the parent was created after the child, or the child
  //    was already linked when its parent was created.
  const linkSteps: PlanStep[] = [];
  for (const [childId, child] of planned) {
    const record = records.get(childId)!;
    const mapping = recordMappingFor(child.by, record.kind)!;
    for (const relation of mapping.links) {
      const key = parentField(relation.parentKind);
      const parentId = key === undefined ? null : readRoadmapField(record, key);
      const parent = typeof parentId === 'string' ? planned.get(parentId) : undefined;
      if (parent === undefined || parent.createdAt === null || relation.direction === 'from_remote')
        continue;
      if (child.createdAt !== null && child.createdAt > parent.createdAt) continue;
      linkSteps.push({
        action: 'link',
        record: ref(record, child.by),
        parent: ref(records.get(parentId as string)!, parent.by),
        remoteField: relation.remoteField,
      });
    }
  }
  steps.push(...linkSteps);
  return {
    integrationId: integration.id,
    steps,
    skipped,
    warnings: warningsFor(steps, input, records, planned, linkOf),
  };
}

function warningsFor(
  steps: readonly PlanStep[],
  input: SendPlanInput,
  records: ReadonlyMap<string, RoadmapRecord>,
  planned: ReadonlyMap<string, { by: IntegrationConfig; createdAt: number | null }>,
  linkOf: (integrationId: string, id: string) => IntegrationLink | undefined,
): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  for (const step of steps) {
    if (step.action === 'link') continue;
    const record = records.get(step.record.id)!;
    const by = planned.get(record.id)!.by;
    const mapping = recordMappingFor(by, record.kind)!;
    const resolveParent = (p: RecordRef): RemoteRef | undefined => {
      const link = linkOf(planned.get(p.id)?.by.id ?? by.id, p.id);
      if (link?.remoteId)
        return {
          remoteId: link.remoteId,
          ref: link.ref,
          formattedId: link.formattedId,
          url: link.url,
          remoteType: link.remoteType ?? '',
        };
      return planned.has(p.id)
        ? { remoteId: `planned:${p.id}`, ref: null, formattedId: null, url: null, remoteType: '' }
        : undefined;
    };
    const mode = step.action === 'create' ? 'create' : 'update';
    const only = step.action === 'update' ? step.fields : undefined;
    const payload = mapToRemote(record, mapping, { mode, only, resolveParent });
    for (const issue of payload.issues)
      warnings.push({
        record: step.record,
        severity: 'warning',
        code: issue.code,
        message: describeIssue(record, issue),
      });
    if (step.action !== 'create') continue;
    const type = input.remoteTypes?.find((t) => t.type === mapping.remoteType);
    for (const def of type?.fields ?? []) {
      if (!def.required || def.readOnly || def.automatic || def.hasDefault) continue;
      if (!isEmptyValue(payload.fields[def.name])) continue;
      warnings.push({
        record: step.record,
        severity: 'error',
        code: 'required_value_missing',
        message: `${record.referenceNum} has no value for "${def.label ?? def.name}", which ${mapping.remoteType} requires`,
      });
    }
  }
  return warnings;
}

function describeIssue(record: RoadmapRecord, issue: MappingIssue): string {
  switch (issue.code) {
    case 'unmapped_value':
      return `${record.referenceNum}: ${issue.roadmapField} value ${issue.values.map((v) => `"${v}"`).join(', ')} has no mapping and will not be sent`;
    case 'unmapped_status':
      return `${record.referenceNum}: its status is not mapped to a remote state and will not be sent`;
    case 'parent_not_linked':
      return `${record.referenceNum}: its ${issue.parentKind} is not linked and is not part of this send, so it will not be attached`;
  }
}
