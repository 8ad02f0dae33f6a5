/**
 * The pre-flight check the wizard runs before anything is sent: given the remote's field
 * definitions (required flags, allowed values) and the integration config, list every required
 * remote field that nothing fills, every value without a mapping, and every mapping to a type or
 * field that does not exist. Errors block sending; warnings are shown and may be accepted.
 */
import type { FieldMapping, IntegrationConfig, RecordMapping } from './config.ts';
import { sendsOut, takesIn } from './mapping/directions.ts';
import type { RoadmapStatus } from './status-mapping.ts';
import { unmappedStatuses } from './status-mapping.ts';
import type { RoadmapFieldKey, RoadmapKind } from './types.ts';

export interface RemoteFieldDefinition {
  readonly name: string;
  readonly label?: string;
  readonly required: boolean;
  readonly readOnly?: boolean;
  /** The remote fills the field itself when it is left empty. */
  readonly hasDefault?: boolean;
  /** The connector always sets it (Project, Workspace), so no mapping is needed. */
  readonly automatic?: boolean;
  /** For enumerations: the only values the remote accepts. */
  readonly allowedValues?: readonly string[];
}

export interface RemoteTypeDefinition {
  readonly type: string;
  readonly fields: readonly RemoteFieldDefinition[];
}

/** The roadmap side's choices, when known: statuses and enumeration options per kind. */
export interface RoadmapDefinitions {
  readonly statuses?: Partial<Record<RoadmapKind, readonly RoadmapStatus[]>>;
  readonly options?: Partial<
    Record<RoadmapKind, Partial<Record<RoadmapFieldKey, readonly string[]>>>
  >;
}

type Where = { readonly kind: RoadmapKind; readonly remoteType: string };

export type PreflightIssue = Where & {
  readonly severity: 'error' | 'warning';
  readonly message: string;
} & (
    | { readonly code: 'type_missing' }
    | { readonly code: 'field_missing'; readonly remoteField: string }
    | { readonly code: 'required_unmapped'; readonly remoteField: string }
    | { readonly code: 'read_only_target'; readonly remoteField: string }
    | { readonly code: 'value_not_allowed'; readonly remoteField: string; readonly value: string }
    | {
        readonly code: 'value_unmapped';
        readonly remoteField: string;
        readonly side: 'roadmap' | 'remote';
        readonly value: string;
      }
    | { readonly code: 'status_not_mapped' }
  );

export interface PreflightReport {
  /** False when any issue is an error: sending would fail or write nonsense. */
  readonly ok: boolean;
  readonly issues: readonly PreflightIssue[];
}

export function preflight(
  config: IntegrationConfig,
  remoteTypes: readonly RemoteTypeDefinition[],
  roadmap: RoadmapDefinitions = {},
): PreflightReport {
  const issues: PreflightIssue[] = [];
  for (const mapping of config.recordMappings) {
    if (!mapping.enabled) continue;
    const where: Where = { kind: mapping.roadmapKind, remoteType: mapping.remoteType };
    const type = remoteTypes.find((t) => t.type === mapping.remoteType);
    if (type === undefined) {
      issues.push({
        ...where,
        code: 'type_missing',
        severity: 'error',
        message: `The ${where.kind} mapping points at remote type "${where.remoteType}", which does not exist`,
      });
      continue;
    }
    issues.push(...checkMapping(mapping, type, where, roadmap));
  }
  return { ok: !issues.some((i) => i.severity === 'error'), issues };
}

function checkMapping(
  mapping: RecordMapping,
  type: RemoteTypeDefinition,
  where: Where,
  roadmap: RoadmapDefinitions,
): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const defs = new Map(type.fields.map((f) => [f.name, f]));
  const label = (name: string) => defs.get(name)?.label ?? name;
  const exists = (name: string, what: string): boolean => {
    if (defs.has(name)) return true;
    issues.push({
      ...where,
      code: 'field_missing',
      remoteField: name,
      severity: 'error',
      message: `${what} maps to "${name}", which ${where.remoteType} does not have`,
    });
    return false;
  };

  const filled = new Set<string>(Object.keys(mapping.defaults));
  for (const field of mapping.fields) {
    if (!exists(field.remoteField, `The ${field.roadmapField} field`)) continue;
    const def = defs.get(field.remoteField)!;
    const out = sendsOut(field.direction, 'create');
    if (out) filled.add(field.remoteField);
    if (out && def.readOnly)
      issues.push({
        ...where,
        code: 'read_only_target',
        remoteField: field.remoteField,
        severity: field.direction === 'both' ? 'warning' : 'error',
        message: `"${label(field.remoteField)}" is read-only in ${where.remoteType}; ${field.roadmapField} cannot be sent to it`,
      });
    if (field.roadmapField !== 'status') issues.push(...checkValues(field, def, where, roadmap));
  }
  for (const link of mapping.links) {
    if (
      exists(link.remoteField, `The link to the ${link.parentKind}`) &&
      sendsOut(link.direction, 'create')
    )
      filled.add(link.remoteField);
  }
  for (const [name, value] of Object.entries(mapping.defaults)) {
    if (!exists(name, 'A default value')) continue;
    const allowed = defs.get(name)?.allowedValues;
    if (allowed && typeof value === 'string' && !allowed.includes(value))
      issues.push(notAllowed(where, name, value, `The default for "${label(name)}"`));
  }
  if (mapping.status === null) {
    issues.push({
      ...where,
      code: 'status_not_mapped',
      severity: 'warning',
      message: `Statuses of the ${where.kind} mapping are not mapped, so status will not sync`,
    });
  } else if (exists(mapping.status.remoteField, 'The status')) {
    issues.push(...checkStatuses(mapping, defs.get(mapping.status.remoteField)!, where, roadmap));
  }

  for (const def of type.fields) {
    if (!def.required || def.readOnly || def.hasDefault || def.automatic || filled.has(def.name))
      continue;
    issues.push({
      ...where,
      code: 'required_unmapped',
      remoteField: def.name,
      severity: 'error',
      message: `${where.remoteType} requires "${label(def.name)}", but no ${where.kind} field is mapped to it and it has no default`,
    });
  }
  return issues;
}

function checkValues(
  field: FieldMapping,
  def: RemoteFieldDefinition,
  where: Where,
  roadmap: RoadmapDefinitions,
): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const allowed = def.allowedValues;
  const options = roadmap.options?.[where.kind]?.[field.roadmapField];
  const map = field.valueMap;
  const out = sendsOut(field.direction, 'create');
  const inn = takesIn(field.direction, 'import');
  const unmapped = (side: 'roadmap' | 'remote', value: string): PreflightIssue => ({
    ...where,
    code: 'value_unmapped',
    remoteField: def.name,
    side,
    value,
    severity: 'warning',
    message:
      side === 'roadmap'
        ? `The ${field.roadmapField} value "${value}" has no mapping in "${def.label ?? def.name}" and will not be sent`
        : `"${def.label ?? def.name}" value "${value}" has no mapping to ${field.roadmapField} and will not be imported`,
  });
  if (map !== undefined) {
    for (const entry of map)
      if (allowed && !allowed.includes(entry.remote))
        issues.push(
          notAllowed(where, def.name, entry.remote, `The value map of ${field.roadmapField}`),
        );
    if (out && options)
      for (const o of options)
        if (!map.some((e) => e.roadmap === o)) issues.push(unmapped('roadmap', o));
    if (inn && allowed)
      for (const v of allowed)
        if (!map.some((e) => e.remote === v)) issues.push(unmapped('remote', v));
  } else if (allowed && options) {
    if (out) for (const o of options) if (!allowed.includes(o)) issues.push(unmapped('roadmap', o));
    if (inn) for (const v of allowed) if (!options.includes(v)) issues.push(unmapped('remote', v));
  }
  return issues;
}

function checkStatuses(
  mapping: RecordMapping,
  def: RemoteFieldDefinition,
  where: Where,
  roadmap: RoadmapDefinitions,
): PreflightIssue[] {
  const status = mapping.status!;
  const issues: PreflightIssue[] = [];
  const allowed = def.allowedValues ?? [];
  for (const group of status.groups)
    for (const state of group.remoteStates)
      if (def.allowedValues && !allowed.includes(state))
        issues.push(notAllowed(where, def.name, state, 'The status mapping'));
  const unmapped = unmappedStatuses(status, roadmap.statuses?.[where.kind] ?? [], allowed);
  for (const state of unmapped.remote)
    issues.push({
      ...where,
      code: 'value_unmapped',
      remoteField: def.name,
      side: 'remote',
      value: state,
      severity: 'warning',
      message: `Remote state "${state}" is not mapped to a status; records in it keep their roadmap status`,
    });
  for (const s of unmapped.roadmap)
    issues.push({
      ...where,
      code: 'value_unmapped',
      remoteField: def.name,
      side: 'roadmap',
      value: s.id,
      severity: 'warning',
      message: `Roadmap status "${s.name}" is not mapped to a remote state and will not be sent`,
    });
  return issues;
}

function notAllowed(
  where: Where,
  remoteField: string,
  value: string,
  what: string,
): PreflightIssue {
  return {
    ...where,
    code: 'value_not_allowed',
    remoteField,
    value,
    severity: 'error',
    message: `${what} uses "${value}", which "${remoteField}" does not allow`,
  };
}
