/**
 * Remote record → roadmap field changes. Only mappings whose direction takes values in now are
 * read (`set_once` only on import); value maps translate back; an unmapped state or value
 * changes nothing and is reported.
 */
import type { RecordMapping } from '../config.ts';
import { remoteToRoadmapStatus } from '../status-mapping.ts';
import type { RecordRef, RemoteRecordSnapshot, RoadmapKind } from '../types.ts';
import type { RoadmapFieldChanges } from '../values.ts';
import { type IncomingMode, takesIn } from './directions.ts';
import type { MappingIssue } from './issues.ts';
import { parentField } from './parents.ts';
import { toRoadmapValue } from './value-map.ts';

export interface IncomingOptions {
  readonly mode: IncomingMode;
  /** The roadmap record a remote parent (by id or ref) is linked to, if any. */
  readonly resolveRecord?: (kind: RoadmapKind, remoteIdOrRef: string) => RecordRef | undefined;
  /** Restrict to these remote fields (the attributes a webhook says changed). */
  readonly onlyRemoteFields?: readonly string[];
}

export interface RoadmapChanges {
  readonly changes: RoadmapFieldChanges;
  readonly issues: readonly MappingIssue[];
}

export function mapFromRemote(
  remote: RemoteRecordSnapshot,
  mapping: RecordMapping,
  options: IncomingOptions,
): RoadmapChanges {
  const changes: RoadmapFieldChanges = {};
  const issues: MappingIssue[] = [];
  const present = (name: string) =>
    Object.hasOwn(remote.fields, name) &&
    (options.onlyRemoteFields === undefined || options.onlyRemoteFields.includes(name));

  for (const field of mapping.fields) {
    if (!takesIn(field.direction, options.mode) || !present(field.remoteField)) continue;
    const value = remote.fields[field.remoteField] ?? null;
    if (field.roadmapField === 'status' && mapping.status !== null) {
      const status =
        typeof value === 'string' ? remoteToRoadmapStatus(mapping.status, value) : undefined;
      if (status === undefined)
        issues.push({ code: 'unmapped_status', remoteField: field.remoteField, value });
      else changes.status = status;
      continue;
    }
    const translated = toRoadmapValue(value, field.valueMap);
    if (translated.ok) changes[field.roadmapField] = translated.value;
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
    if (key === undefined || !takesIn(link.direction, options.mode) || !present(link.remoteField))
      continue;
    const value = remote.fields[link.remoteField] ?? null;
    if (typeof value !== 'string' || value === '') {
      changes[key] = null;
      continue;
    }
    const parent = options.resolveRecord?.(link.parentKind, value);
    if (parent === undefined)
      issues.push({
        code: 'parent_not_linked',
        parentKind: link.parentKind,
        remoteField: link.remoteField,
        value,
      });
    else changes[key] = parent.id;
  }
  return { changes, issues };
}
