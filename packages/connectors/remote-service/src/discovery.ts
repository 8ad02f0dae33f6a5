/**
 * The protocol has no discovery: a service receives whole records. The adapter answers one
 * container, the three record kinds and the fields the protocol's records carry.
 */
import type { FieldDef, ProjectNode, RecordType, StateDef, Workspace } from '@tandem/connector-kit';
import type { Ctx } from './deliver.ts';
import { kindOf, SCOPE_ID } from './records.ts';

export const WORKSPACE_ID = 'service';

export const listWorkspaces = (ctx: Ctx): Workspace[] => [
  { id: WORKSPACE_ID, name: ctx.config.service },
];

export const listProjects = (): ProjectNode[] => [
  { id: SCOPE_ID, name: 'Records', parentId: null, children: [] },
];

export const listRecordTypes = (): RecordType[] => [
  { id: 'release', label: 'Release', parentTypes: [] },
  { id: 'feature', label: 'Feature', parentTypes: [] },
  { id: 'requirement', label: 'Requirement', parentTypes: ['feature'] },
];

const field = (
  name: string,
  label: string,
  type: FieldDef['type'],
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  name,
  label,
  type,
  required: false,
  readOnly: false,
  allowedValues: null,
  ...extra,
});

export function listFields(ctx: Ctx, type: string): FieldDef[] {
  const kind = kindOf(type);
  const common = [
    field('name', 'Name', 'string', { required: true }),
    field('reference_num', 'Reference', 'string'),
    field('description', kind === 'release' ? 'Theme' : 'Description', 'html'),
    field('workflow_status', 'Workflow status', 'enum', { allowedValues: [...ctx.config.states] }),
  ];
  if (kind === 'release')
    return [
      ...common,
      field('start_date', 'Start date', 'date'),
      field('release_date', 'Release date', 'date'),
    ];
  if (kind === 'feature') return [...common, field('release', 'Release', 'reference')];
  return common;
}

export function listStates(ctx: Ctx): StateDef[] {
  const last = ctx.config.states.length - 1;
  return ctx.config.states.map((name, order) => ({
    id: name,
    name,
    category: order === 0 ? 'todo' : order === last ? 'done' : 'in_progress',
    order,
  }));
}
