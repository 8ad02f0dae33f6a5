/**
 * A correct connector for the "notes" server, written only against the port and the shared
 * transport, the way a real connector is. Test-only: it proves the conformance harness passes a
 * connector that does everything right.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import {
  type ChangePage,
  type Connector,
  type ConnectorContext,
  type FieldDef,
  type ProjectNode,
  type RemoteChange,
  RemoteError,
  type RemoteRecord,
  type TransportRequest,
  type TransportResponse,
} from '../../src/index.ts';
import { notesPresentation } from './notes-presentation.ts';

export const notesConfigSchema = z.object({ baseUrl: z.url(), space: z.string().min(1) });
export type NotesConfig = z.infer<typeof notesConfigSchema>;
type Ctx = ConnectorContext<NotesConfig>;

const noteSchema = z.object({
  id: z.string(),
  number: z.number(),
  type: z.string(),
  fields: z.record(z.string(), z.unknown()),
  version: z.number(),
  updatedAt: z.string(),
  parent: z.string().nullable(),
  folder: z.string(),
});
type Note = z.infer<typeof noteSchema>;

const eventSchema = z.object({
  seq: z.number(),
  kind: z.enum(['created', 'updated', 'deleted']),
  id: z.string(),
  type: z.string(),
  version: z.number(),
  at: z.string(),
  by: z.string(),
});
const deliverySchema = z.object({ deliveryId: z.string(), events: z.array(eventSchema) });

const errorBodySchema = z.object({
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

async function call(ctx: Ctx, request: TransportRequest): Promise<TransportResponse> {
  const credential = await ctx.credentials();
  const token = credential.kind === 'pat' ? credential.token : '';
  const response = await ctx.transport.request({
    ...request,
    url: new URL(request.url, ctx.config.baseUrl).toString(),
    headers: { authorization: `Bearer ${token}`, ...request.headers },
    acceptStatus: (status) => status < 400 || status === 422,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (response.status === 422) {
    const parsed = errorBodySchema.safeParse(response.json());
    const fieldErrors = parsed.success ? parsed.data.errors : [];
    throw new RemoteError('validation', `notes refused ${request.operation ?? request.url}`, {
      status: 422,
      fieldErrors,
    });
  }
  return response;
}

const toRecord = (ctx: Ctx, note: Note): RemoteRecord => ({
  id: note.id,
  formattedId: `N-${note.number}`,
  url: new URL(`/ui/notes/${note.id}`, ctx.config.baseUrl).toString(),
  type: note.type,
  fields: note.fields,
  version: String(note.version),
  updatedAt: note.updatedAt,
  ...(note.parent ? { parentId: note.parent } : {}),
  scopeId: note.folder,
});

const toChange = (event: z.infer<typeof eventSchema>, changeId: string): RemoteChange => ({
  kind: event.kind,
  ref: { type: event.type, id: event.id },
  version: String(event.version),
  changedAt: event.at,
  changedBy: event.by,
  changeId,
});

const fieldTypes: Record<string, FieldDef['type']> = {
  string: 'string',
  html: 'html',
  enum: 'enum',
  user: 'user',
};

export const notesConnector: Connector<NotesConfig> = {
  manifest: {
    id: 'notes',
    displayName: 'Notes (test)',
    authKinds: ['pat'],
    secretFields: ['token'],
    maxConcurrentPerAccount: 4,
    presentation: notesPresentation,
  },
  spec: notesConfigSchema,
  defaultRecordMappings: () => [
    {
      roadmapKind: 'feature',
      remoteType: 'note',
      enabled: true,
      fields: [{ roadmapField: 'name', remoteField: 'title', direction: 'both' }],
      links: [],
      statusField: 'status',
      defaults: {},
    },
    {
      roadmapKind: 'requirement',
      remoteType: 'task',
      enabled: true,
      fields: [{ roadmapField: 'name', remoteField: 'title', direction: 'both' }],
      links: [{ parentKind: 'feature', remoteField: 'parent', direction: 'both' }],
      statusField: null,
      defaults: {},
    },
  ],

  async checkConnection(ctx) {
    const me = z
      .object({ id: z.string(), name: z.string(), email: z.string() })
      .parse(
        (await call(ctx, { method: 'GET', url: '/api/me', operation: 'checkConnection' })).json(),
      );
    return { userId: me.id, displayName: me.name, email: me.email };
  },

  async listWorkspaces(ctx) {
    const response = await call(ctx, { method: 'GET', url: '/api/spaces' });
    return z.array(z.object({ id: z.string(), name: z.string() })).parse(response.json());
  },

  async listProjects(ctx, workspaceId) {
    const response = await call(ctx, { method: 'GET', url: `/api/spaces/${workspaceId}/folders` });
    const flat = z
      .array(z.object({ id: z.string(), name: z.string(), parent: z.string().nullable() }))
      .parse(response.json());
    const nodes = new Map<string, ProjectNode>(
      flat.map((f) => [f.id, { id: f.id, name: f.name, parentId: f.parent, children: [] }]),
    );
    const roots: ProjectNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      if (parent) parent.children.push(node);
      else roots.push({ ...node, parentId: null });
    }
    return roots;
  },

  async listRecordTypes(ctx, scope) {
    const response = await call(ctx, {
      method: 'GET',
      url: `/api/spaces/${scope.workspaceId}/types`,
    });
    return z
      .array(z.object({ name: z.string(), label: z.string(), parents: z.array(z.string()) }))
      .parse(response.json())
      .map((t) => ({ id: t.name, label: t.label, parentTypes: t.parents }));
  },

  async listFields(ctx, scope, type) {
    const url = `/api/spaces/${scope.workspaceId}/types/${type}/fields`;
    return z
      .array(
        z.object({
          name: z.string(),
          label: z.string(),
          kind: z.string(),
          required: z.boolean(),
          readOnly: z.boolean(),
          values: z.array(z.string()).nullable(),
        }),
      )
      .parse((await call(ctx, { method: 'GET', url })).json())
      .map((f) => ({
        name: f.name,
        label: f.label,
        type: fieldTypes[f.kind] ?? 'other',
        required: f.required,
        readOnly: f.readOnly,
        allowedValues: f.values,
      }));
  },

  async listStates(ctx, scope, type) {
    const url = `/api/spaces/${scope.workspaceId}/types/${type}/states`;
    return z
      .array(z.object({ id: z.string(), name: z.string(), order: z.number() }))
      .parse((await call(ctx, { method: 'GET', url })).json())
      .map((s) => ({
        ...s,
        category:
          s.id === 'done'
            ? ('done' as const)
            : s.id === 'open'
              ? ('todo' as const)
              : ('in_progress' as const),
      }));
  },

  async createRecord(ctx, input) {
    const response = await call(ctx, {
      method: 'POST',
      url: '/api/notes',
      operation: 'createRecord',
      json: {
        space: input.scope.workspaceId,
        ...(input.scope.projectId ? { folder: input.scope.projectId } : {}),
        type: input.type,
        fields: input.fields,
        parent: input.parent?.id ?? null,
        clientToken: input.idempotencyToken,
      },
    });
    return toRecord(ctx, noteSchema.parse(response.json()));
  },

  async readRecord(ctx, ref) {
    const response = await call(ctx, { method: 'GET', url: `/api/notes/${ref.id}` });
    return toRecord(ctx, noteSchema.parse(response.json()));
  },

  async updateRecord(ctx, ref, input) {
    const response = await call(ctx, {
      method: 'PATCH',
      url: `/api/notes/${ref.id}`,
      operation: 'updateRecord',
      json: { fields: input.fields },
      ...(input.expectedVersion ? { headers: { 'if-match': `"${input.expectedVersion}"` } } : {}),
    });
    return toRecord(ctx, noteSchema.parse(response.json()));
  },

  async deleteRecord(ctx, ref) {
    await call(ctx, { method: 'DELETE', url: `/api/notes/${ref.id}` });
  },

  async findByIdempotencyToken(ctx, input) {
    const query = new URLSearchParams({
      space: input.scope.workspaceId,
      clientToken: input.idempotencyToken,
    });
    const response = await call(ctx, { method: 'GET', url: `/api/notes?${query}` });
    const items = z.object({ items: z.array(noteSchema) }).parse(response.json()).items;
    const match = items.find((note) => note.type === input.type);
    return match ? toRecord(ctx, match) : null;
  },

  async linkChild(ctx, parent, child) {
    await call(ctx, {
      method: 'PUT',
      url: `/api/notes/${child.id}/parent`,
      json: { parent: parent.id },
    });
  },

  async uploadAttachment(ctx, ref, file) {
    const response = await call(ctx, {
      method: 'POST',
      url: `/api/notes/${ref.id}/attachments`,
      headers: {
        'content-type': file.contentType,
        'x-file-name': encodeURIComponent(file.fileName),
      },
      body: file.data,
    });
    const stored = z
      .object({ id: z.string(), name: z.string(), bytes: z.number() })
      .parse(response.json());
    return { id: stored.id, fileName: stored.name, size: stored.bytes };
  },

  async registerWebhook(ctx, input) {
    const response = await call(ctx, {
      method: 'POST',
      url: '/api/hooks',
      json: { url: input.targetUrl, space: input.scope.workspaceId, types: input.types },
    });
    const hook = z
      .object({ id: z.string(), url: z.string(), secret: z.string() })
      .parse(response.json());
    return { id: hook.id, targetUrl: hook.url, secret: hook.secret };
  },

  async unregisterWebhook(ctx, registration) {
    await call(ctx, { method: 'DELETE', url: `/api/hooks/${registration.id}` });
  },

  verifyDelivery(registration, delivery) {
    const header = delivery.headers['x-notes-signature'] ?? '';
    const expected = `sha256=${createHmac('sha256', registration.secret).update(delivery.body).digest('hex')}`;
    return (
      header.length === expected.length &&
      timingSafeEqual(Buffer.from(header), Buffer.from(expected))
    );
  },

  parseDelivery(body) {
    let parsed: z.infer<typeof deliverySchema>;
    try {
      parsed = deliverySchema.parse(JSON.parse(body));
    } catch (cause) {
      throw new RemoteError('validation', 'not a notes webhook delivery', { cause });
    }
    return parsed.events.map((event, i) => toChange(event, `${parsed.deliveryId}:${i}`));
  },

  async changesSince(ctx, input): Promise<ChangePage> {
    const query = new URLSearchParams({ space: input.scope.workspaceId });
    if (input.cursor !== null) query.set('after', input.cursor);
    if (input.types) query.set('types', input.types.join(','));
    const page = z
      .object({ changes: z.array(eventSchema), last: z.number() })
      .parse((await call(ctx, { method: 'GET', url: `/api/changes?${query}` })).json());
    return {
      changes: page.changes.map((event) => toChange(event, `seq:${event.seq}`)),
      nextCursor: String(page.last),
    };
  },
};
