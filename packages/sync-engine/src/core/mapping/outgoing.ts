/**
 * Roadmap record → remote field payload. Only mappings whose direction sends out now are
 * written (`set_once` only on create); value maps translate enumerations; the status goes
 * through the status mapping; HTML is passed through as HTML, byte for byte.
 */
import type { RecordMapping } from '../config.ts';
import { roadmapToRemoteState } from '../status-mapping.ts';
import type { FieldValue, RecordRef, RemoteRef, RoadmapFieldKey, RoadmapRecord } from '../types.ts';
import { readRoadmapField } from '../values.ts';
import { type OutgoingMode, sendsOut } from './directions.ts';
import type { MappingIssue } from './issues.ts';
import { parentField } from './parents.ts';
import { toRemoteValue } from './value-map.ts';

export interface OutgoingOptions {
  readonly mode: OutgoingMode;
  /** Restrict the payload to these roadmap fields (an update of what changed). */
  readonly only?: readonly RoadmapFieldKey[];
  /** The remote record a roadmap parent is linked to, if it is linked. */
  readonly resolveParent?: (parent: RecordRef) => RemoteRef | undefined;
}

export interface RemotePayload {
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly issues: readonly MappingIssue[];
}

export function mapToRemote(
  record: RoadmapRecord,
  mapping: RecordMapping,
  options: OutgoingOptions,
): RemotePayload {
  const fields: Record<string, FieldValue> =
    options.mode === 'create' ? { ...mapping.defaults } : {};
  const issues: MappingIssue[] = [];
  const wanted = (key: RoadmapFieldKey) => options.only === undefined || options.only.includes(key);

  for (const field of mapping.fields) {
    if (!sendsOut(field.direction, options.mode) || !wanted(field.roadmapField)) continue;
    const value = readRoadmapField(record, field.roadmapField);
    if (field.roadmapField === 'status' && mapping.status !== null) {
      const state =
        typeof value === 'string' ? roadmapToRemoteState(mapping.status, value) : undefined;
      if (state === undefined)
        issues.push({ code: 'unmapped_status', remoteField: field.remoteField, value });
      else fields[field.remoteField] = state;
      continue;
    }
    const translated = toRemoteValue(value, field.valueMap);
    if (translated.ok) fields[field.remoteField] = translated.value;
    else
      issues.push({
        code: 'unmapped_value',
        roadmapField: field.roadmapField,
        remoteField: field.remoteField,
        values: translated.unmapped,
      });
  }

  for (const link of mapping.links) {
    const key = parentField(link.parentKind);
    if (key === undefined || !sendsOut(link.direction, options.mode) || !wanted(key)) continue;
    const parentId = readRoadmapField(record, key);
    if (typeof parentId !== 'string' || parentId === '') {
      fields[link.remoteField] = null;
      continue;
    }
    const remote = options.resolveParent?.({ kind: link.parentKind, id: parentId });
    if (remote === undefined)
      issues.push({
        code: 'parent_not_linked',
        parentKind: link.parentKind,
        remoteField: link.remoteField,
        value: parentId,
      });
    else fields[link.remoteField] = remote.ref ?? remote.remoteId;
  }
  return { fields, issues };
}

/** The roadmap fields a record mapping sends out in this mode (for diffs and plans). */
export function outgoingRoadmapFields(
  mapping: RecordMapping,
  mode: OutgoingMode,
): RoadmapFieldKey[] {
  const keys: RoadmapFieldKey[] = [];
  for (const field of mapping.fields)
    if (sendsOut(field.direction, mode)) keys.push(field.roadmapField);
  for (const link of mapping.links) {
    const key = parentField(link.parentKind);
    if (key !== undefined && sendsOut(link.direction, mode)) keys.push(key);
  }
  return [...new Set(keys)];
}
