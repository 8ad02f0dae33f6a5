/**
 * The protocol has no discovery beyond `/configuration`: a service receives whole records. The
 * adapter answers the services as workspaces, one container, the three record kinds and the
 * fields the protocol's records carry.
 */
import type { FieldDef, ProjectNode, RecordType, StateDef, Workspace } from '@tandem/connector-kit';
import { z } from 'zod';
import type { Ctx } from './deliver.ts';
import { kindOf, SCOPE_ID } from './records.ts';

const configurationSchema = z.object({
  services: z
    .array(z.object({ name: z.string().regex(/^[a-z][a-z0-9_]*$/), title: z.string() }))
    .max(200),
});

/**
 * The services at the address (its `GET /configuration`, as the development proxy and the kit's
 * server answer), and the configured one, which a service without `/configuration` still is.
 */
export async function listWorkspaces(ctx: Ctx): Promise<Workspace[]> {
  const base = ctx.config.baseUrl ?? new URL(ctx.config.endpointUrl).origin;
  const response = await ctx.transport.request({
    method: 'GET',
    url: `${base.replace(/\/+$/, '')}/configuration`,
    acceptStatus: () => true,
    operation: 'listWorkspaces',
  });
  const listed =
    response.status === 200 ? configurationSchema.safeParse(safeJson(response.text())) : undefined;
  const services = listed?.success
    ? listed.data.services.map((s) => ({ id: s.name, name: s.title }))
    : [];
  return services.some((s) => s.id === ctx.config.service)
    ? services
    : [{ id: ctx.config.service, name: ctx.config.service }, ...services];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

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
