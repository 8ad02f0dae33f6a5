/**
 * An integration's configuration (shared by the BFF, the SPA's wizard and the sync core): record mappings (roadmap kind → remote
 * type), field mappings with a direction and optional value maps, relationship links, the status
 * mapping, and the enable options. The BFF validates what the wizard saves with
 * `integrationConfigSchema`; the core trusts a parsed config.
 */
import { z } from 'zod';

/** The roadmap record kinds an integration can map. */
export const ROADMAP_KINDS = ['release', 'initiative', 'feature', 'requirement'] as const;

/** The standard roadmap fields a mapping can address; custom fields are `custom:<key>`. */
export const STANDARD_ROADMAP_FIELDS = [
  'name',
  'description',
  'status',
  'release',
  'initiative',
  'parentFeature',
  'tags',
  'score',
  'rank',
  'startDate',
  'dueDate',
] as const;

export const roadmapKindSchema = z.enum(ROADMAP_KINDS);

export const roadmapFieldKeySchema = z.union([
  z.enum(STANDARD_ROADMAP_FIELDS),
  z.templateLiteral(['custom:', z.string().min(1)]),
]);

export const fieldValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()).readonly(),
]);

/**
 * - `to_remote`: roadmap → remote on create and on every update.
 * - `from_remote`: remote → roadmap on import and on every update.
 * - `both`: either way; both sides changing one field since the last sync is a conflict.
 * - `set_once`: written only when the other side's record is created (a send creates the remote
 *   record; an import creates the roadmap record), never again.
 */
export const fieldDirectionSchema = z.enum(['to_remote', 'from_remote', 'both', 'set_once']);
export type FieldDirection = z.infer<typeof fieldDirectionSchema>;

/** One pair of an enumeration's value map: the roadmap value and the remote value it means. */
export const valueMapEntrySchema = z.object({ roadmap: z.string(), remote: z.string() });
export type ValueMapEntry = z.infer<typeof valueMapEntrySchema>;

export const fieldMappingSchema = z.object({
  roadmapField: roadmapFieldKeySchema,
  remoteField: z.string().min(1),
  direction: fieldDirectionSchema,
  /** For enumerations: values without an entry are not written (and are reported). */
  valueMap: z.array(valueMapEntrySchema).optional(),
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

/**
 * "Linked to": the record is attached to its parent of `parentKind` through `remoteField`
 * (e.g. a feature linked to its release through Rally's `Release`, a requirement to its feature
 * through `PortfolioItem` or `Parent`). Without one, sent records are not attached remotely.
 */
export const relationshipLinkSchema = z.object({
  parentKind: roadmapKindSchema,
  remoteField: z.string().min(1),
  direction: fieldDirectionSchema.default('both'),
});
export type RelationshipLink = z.infer<typeof relationshipLinkSchema>;

/** One roadmap status and the remote states grouped under it; the first is sent outwards. */
export const statusGroupSchema = z.object({
  roadmapStatusId: z.string().min(1),
  remoteStates: z.array(z.string().min(1)),
});
export type StatusGroup = z.infer<typeof statusGroupSchema>;

export const statusMappingSchema = z.object({
  /** The remote attribute that holds the state, e.g. `State` or `ScheduleState`. */
  remoteField: z.string().min(1),
  groups: z.array(statusGroupSchema),
});
export type StatusMapping = z.infer<typeof statusMappingSchema>;

export const recordMappingSchema = z.object({
  roadmapKind: roadmapKindSchema,
  /** e.g. `PortfolioItem/Feature`, `HierarchicalRequirement`, `Release`. */
  remoteType: z.string().min(1),
  enabled: z.boolean().default(true),
  fields: z.array(fieldMappingSchema).default([]),
  links: z.array(relationshipLinkSchema).default([]),
  status: statusMappingSchema.nullable().default(null),
  /** Constant values written to the remote on create (and counted as mapped by pre-flight). */
  defaults: z.record(z.string(), fieldValueSchema).default({}),
});
export type RecordMapping = z.infer<typeof recordMappingSchema>;

export const projectScopeSchema = z.object({
  remoteWorkspaceId: z.string().min(1),
  projectId: z.string().min(1),
  /** When set, a record moved into a child project that is not integrated loses its link. */
  excludeChildUpdates: z.boolean().default(false),
});
export type ProjectScope = z.infer<typeof projectScopeSchema>;

export const integrationConfigSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().trim().min(1),
    system: z.enum(['rally', 'azure_devops']),
    workspaceId: z.string().min(1),
    templateId: z.string().min(1).nullable().default(null),
    scope: projectScopeSchema,
    recordMappings: z.array(recordMappingSchema),
    sendMode: z.enum(['auto', 'approve']).default('auto'),
    importNewRecords: z.boolean().default(true),
  })
  .superRefine((config, ctx) => {
    const kinds = new Set<string>();
    config.recordMappings.forEach((mapping, i) => {
      if (kinds.has(mapping.roadmapKind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['recordMappings', i, 'roadmapKind'],
          message: `Only one record mapping per roadmap kind; "${mapping.roadmapKind}" is mapped twice`,
        });
      }
      kinds.add(mapping.roadmapKind);
      for (const issue of mappingIssues(mapping)) {
        ctx.addIssue({
          code: 'custom',
          path: ['recordMappings', i, ...issue.path],
          message: issue.message,
        });
      }
    });
  });
export type IntegrationConfig = z.infer<typeof integrationConfigSchema>;

/** Structural problems inside one record mapping that make it ambiguous. */
function mappingIssues(mapping: RecordMapping): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const outgoingTargets = new Map<string, string>();
  const incomingTargets = new Map<string, string>();
  mapping.fields.forEach((field, j) => {
    if (field.direction !== 'from_remote') {
      const previous = outgoingTargets.get(field.remoteField);
      if (previous !== undefined) {
        issues.push({
          path: ['fields', j, 'remoteField'],
          message: `Remote field "${field.remoteField}" already receives "${previous}"`,
        });
      }
      outgoingTargets.set(field.remoteField, field.roadmapField);
    }
    if (field.direction !== 'to_remote') {
      const previous = incomingTargets.get(field.roadmapField);
      if (previous !== undefined) {
        issues.push({
          path: ['fields', j, 'roadmapField'],
          message: `Roadmap field "${field.roadmapField}" already receives "${previous}"`,
        });
      }
      incomingTargets.set(field.roadmapField, field.remoteField);
    }
    if (field.roadmapField === 'status' && mapping.status === null) {
      issues.push({ path: ['fields', j], message: 'Status is mapped but has no status mapping' });
    }
  });
  const seenStates = new Map<string, string>();
  mapping.status?.groups.forEach((group, g) => {
    for (const state of group.remoteStates) {
      const owner = seenStates.get(state);
      if (owner !== undefined) {
        issues.push({
          path: ['status', 'groups', g, 'remoteStates'],
          message: `Remote state "${state}" is already mapped to roadmap status ${owner}`,
        });
      }
      seenStates.set(state, group.roadmapStatusId);
    }
  });
  return issues;
}
