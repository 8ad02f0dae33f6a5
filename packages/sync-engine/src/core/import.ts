/**
 * Whether a remote record the roadmap has never seen is imported. It is, when its type is mapped
 * and it sits under a parent that is already linked ("Linked to" is what enables import); with
 * *Automatically import new records* off it becomes a candidate to accept or ignore instead. A
 * feature whose remote release is not linked (or when releases are not mapped at all) lands in
 * the workspace's first parking-lot release.
 */
import type { IntegrationConfig } from './config.ts';
import { takesIn } from './mapping/directions.ts';
import { mapFromRemote } from './mapping/incoming.ts';
import type { MappingIssue } from './mapping/issues.ts';
import { parentField } from './mapping/parents.ts';
import type { RecordRef, RemoteRecordSnapshot, RoadmapKind } from './types.ts';
import type { RoadmapFieldChanges } from './values.ts';

export interface ImportInput {
  readonly integration: IntegrationConfig;
  readonly remote: RemoteRecordSnapshot;
  /** The remote record already has a roadmap record linked to it. */
  readonly alreadyLinked: boolean;
  /** The remote record's project is in the integration's scope (see `isInScope`). */
  readonly inScope: boolean;
  /** The roadmap record a remote parent (by id or ref) is linked to, if any. */
  readonly resolveRecord: (kind: RoadmapKind, remoteIdOrRef: string) => RecordRef | undefined;
  readonly firstParkingLotReleaseId: string | null;
}

export type ImportDecision =
  | {
      readonly action: 'skip';
      readonly reason: 'out_of_scope' | 'already_linked' | 'type_not_mapped' | 'no_linked_parent';
      readonly message: string;
    }
  | {
      /** `candidate`: listed for a person to accept or ignore. */
      readonly action: 'import' | 'candidate';
      readonly kind: RoadmapKind;
      readonly fields: RoadmapFieldChanges;
      readonly parents: readonly RecordRef[];
      readonly parkingLot: boolean;
      readonly issues: readonly MappingIssue[];
    };

export function decideImport(input: ImportInput): ImportDecision {
  const { remote, integration } = input;
  const label = remote.formattedId ?? remote.id;
  if (!input.inScope)
    return {
      action: 'skip',
      reason: 'out_of_scope',
      message: `${label} is outside the integrated project`,
    };
  if (input.alreadyLinked)
    return { action: 'skip', reason: 'already_linked', message: `${label} is already linked` };
  const mapping = integration.recordMappings.find((m) => m.enabled && m.remoteType === remote.type);
  if (mapping === undefined)
    return {
      action: 'skip',
      reason: 'type_not_mapped',
      message: `Skip creating candidate for ${label}: ${remote.type} is not mapped`,
    };

  const { changes, issues } = mapFromRemote(remote, mapping, {
    mode: 'import',
    resolveRecord: input.resolveRecord,
  });
  const parents: RecordRef[] = [];
  for (const link of mapping.links) {
    const key = parentField(link.parentKind);
    const id = key === undefined ? undefined : changes[key];
    if (takesIn(link.direction, 'import') && typeof id === 'string')
      parents.push({ kind: link.parentKind, id });
  }
  if (parents.length === 0)
    return {
      action: 'skip',
      reason: 'no_linked_parent',
      message: `Skip creating candidate for ${label} as ${mapping.roadmapKind}: it is not under a linked parent`,
    };

  const fields: RoadmapFieldChanges = { ...changes };
  const parkingLot =
    mapping.roadmapKind === 'feature' &&
    typeof fields.release !== 'string' &&
    input.firstParkingLotReleaseId !== null;
  if (parkingLot) fields.release = input.firstParkingLotReleaseId;
  return {
    action: integration.importNewRecords ? 'import' : 'candidate',
    kind: mapping.roadmapKind,
    fields,
    parents,
    parkingLot,
    issues,
  };
}
