import type {
  FieldDirection,
  FieldMapping,
  RecordMapping,
  RelationshipLink,
  ValueMapEntry,
} from '@tandem/contracts';

export type RoadmapKind = RecordMapping['roadmapKind'];

export const KIND_LABEL: Record<RoadmapKind, string> = {
  release: 'Release',
  initiative: 'Initiative',
  feature: 'Feature',
  requirement: 'Requirement',
};

/** Which records each kind can hang under ("Linked to"), as the roadmap nests them. */
export const PARENT_KINDS: Record<RoadmapKind, RoadmapKind[]> = {
  initiative: [],
  release: [],
  feature: ['release', 'initiative'],
  requirement: ['feature'],
};

export const KIND_ORDER: RoadmapKind[] = ['initiative', 'release', 'feature', 'requirement'];

export const STANDARD_FIELD_LABEL: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  status: 'Status',
  release: 'Release',
  initiative: 'Initiative',
  parentFeature: 'Parent feature',
  tags: 'Tags',
  score: 'Score',
  rank: 'Rank',
  startDate: 'Start date',
  dueDate: 'Due date',
};

/** The arrow of a field mapping, in words someone new to integrations understands. */
export function directionLabels(remoteName: string): Record<FieldDirection, string> {
  return {
    both: 'Both ways',
    to_remote: `To ${remoteName} only`,
    from_remote: `From ${remoteName} only`,
    set_once: 'Once, when created',
  };
}

export interface RemoteFieldInfo {
  name: string;
  label: string;
  required: boolean;
  readOnly: boolean;
  allowedValues: string[] | null;
}

export function newMapping(roadmapKind: RoadmapKind, remoteType: string): RecordMapping {
  return {
    roadmapKind,
    remoteType,
    enabled: true,
    fields: [{ roadmapField: 'name', remoteField: 'Name', direction: 'both' }],
    links: [],
    status: null,
    defaults: {},
  };
}

/** Kinds not mapped yet, in roadmap order (one mapping per kind). */
export function unmappedKinds(mappings: RecordMapping[]): RoadmapKind[] {
  const used = new Set(mappings.map((m) => m.roadmapKind));
  return KIND_ORDER.filter((k) => !used.has(k));
}

export function sortMappings(mappings: RecordMapping[]): RecordMapping[] {
  return [...mappings].sort(
    (a, b) => KIND_ORDER.indexOf(a.roadmapKind) - KIND_ORDER.indexOf(b.roadmapKind),
  );
}

export function replaceMapping(
  mappings: RecordMapping[],
  kind: RoadmapKind,
  change: (mapping: RecordMapping) => RecordMapping,
): RecordMapping[] {
  return mappings.map((m) => (m.roadmapKind === kind ? change(m) : m));
}

export function removeMapping(mappings: RecordMapping[], kind: RoadmapKind): RecordMapping[] {
  return mappings.filter((m) => m.roadmapKind !== kind);
}

/** A new remote type means new fields: keep only name and the status row, reset the rest. */
export function changeRemoteType(mapping: RecordMapping, remoteType: string): RecordMapping {
  if (mapping.remoteType === remoteType) return mapping;
  return {
    ...newMapping(mapping.roadmapKind, remoteType),
    fields: mapping.fields.filter((f) => f.roadmapField === 'name'),
  };
}

export function addField(mapping: RecordMapping, field: FieldMapping): RecordMapping {
  return { ...mapping, fields: [...mapping.fields, field] };
}

export function updateField(
  mapping: RecordMapping,
  index: number,
  patch: Partial<FieldMapping>,
): RecordMapping {
  return {
    ...mapping,
    fields: mapping.fields.map((f, i) => {
      if (i !== index) return f;
      const next = { ...f, ...patch };
      // Another remote field has other values: the old value map no longer applies.
      if (patch.remoteField !== undefined && patch.remoteField !== f.remoteField) {
        delete next.valueMap;
      }
      return next;
    }),
  };
}

export function removeField(mapping: RecordMapping, index: number): RecordMapping {
  const removed = mapping.fields[index];
  const fields = mapping.fields.filter((_, i) => i !== index);
  const stillStatus = fields.some((f) => f.roadmapField === 'status');
  return {
    ...mapping,
    fields,
    status: removed?.roadmapField === 'status' && !stillStatus ? null : mapping.status,
  };
}

/** The status row points at a remote field; the status mapping follows it. */
export function setStatusField(mapping: RecordMapping, remoteField: string): RecordMapping {
  return {
    ...mapping,
    status: { remoteField, groups: mapping.status?.groups ?? [] },
  };
}

export function setValueMap(
  mapping: RecordMapping,
  index: number,
  entries: ValueMapEntry[],
): RecordMapping {
  return updateField(mapping, index, { valueMap: entries });
}

export function addLink(mapping: RecordMapping, link: RelationshipLink): RecordMapping {
  return { ...mapping, links: [...mapping.links, link] };
}

export function updateLink(
  mapping: RecordMapping,
  index: number,
  patch: Partial<RelationshipLink>,
): RecordMapping {
  return { ...mapping, links: mapping.links.map((l, i) => (i === index ? { ...l, ...patch } : l)) };
}

export function removeLink(mapping: RecordMapping, index: number): RecordMapping {
  return { ...mapping, links: mapping.links.filter((_, i) => i !== index) };
}

/**
 * Remote fields that the remote insists on but nothing fills when a record is sent: the pre-flight
 * check on the server says the same, this only shows it while editing.
 */
export function unmappedRequiredFields(
  mapping: RecordMapping,
  remoteFields: RemoteFieldInfo[],
): RemoteFieldInfo[] {
  const filled = new Set<string>([
    ...mapping.fields.filter((f) => f.direction !== 'from_remote').map((f) => f.remoteField),
    ...mapping.links.map((l) => l.remoteField),
    ...Object.keys(mapping.defaults),
  ]);
  if (mapping.status) filled.add(mapping.status.remoteField);
  return remoteFields.filter((f) => f.required && !f.readOnly && !filled.has(f.name));
}

/** Remote values of an enumeration that no roadmap value maps to. */
export function unmappedValues(field: FieldMapping, remote: RemoteFieldInfo | undefined): string[] {
  if (!remote?.allowedValues) return [];
  const mapped = new Set((field.valueMap ?? []).map((e) => e.remote));
  return remote.allowedValues.filter((v) => v !== '' && !mapped.has(v));
}
