/**
 * The integration config schemas live in `@tandem/contracts` (the wizard, the BFF and the core
 * share them); the core adds what it derives from a parsed config.
 */
import type { IntegrationConfig, RecordMapping } from '@tandem/contracts';

export {
  type FieldDirection,
  type FieldMapping,
  fieldDirectionSchema,
  fieldMappingSchema,
  fieldValueSchema,
  type IntegrationConfig,
  integrationConfigSchema,
  type ProjectScope,
  projectScopeSchema,
  type RecordMapping,
  type RelationshipLink,
  recordMappingSchema,
  relationshipLinkSchema,
  roadmapFieldKeySchema,
  roadmapKindSchema,
  type StatusGroup,
  type StatusMapping,
  statusGroupSchema,
  statusMappingSchema,
  type ValueMapEntry,
  valueMapEntrySchema,
} from '@tandem/contracts';

/** The enabled record mapping for a roadmap kind, if any. */
export function recordMappingFor(
  config: IntegrationConfig,
  kind: string,
): RecordMapping | undefined {
  return config.recordMappings.find((m) => m.roadmapKind === kind && m.enabled);
}
