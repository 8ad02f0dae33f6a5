/**
 * One Rally webhook delivery → `RemoteChange[]`. Attributes are read by `name` (their UUID keys
 * differ between subscriptions). Changed values (new and old) are passed on only when all convert
 * without the integration's config (no references, no calendar dates); otherwise the engine
 * re-reads the record, which gives the same values `readRecord` would.
 */
import { type RemoteChange, RemoteError } from '@tandem/connector-kit';
import { z } from 'zod';
import { isSpanDate } from './dates.ts';
import { fromRallyHtml } from './html.ts';
import { stripMarker } from './idempotency.ts';
import { typeFromRallyName } from './types.ts';

const attributeSchema = z.looseObject({
  name: z.string(),
  type: z.string().nullish(),
  value: z.unknown().optional(),
  old_value: z.unknown().optional(),
});

const messageSchema = z.looseObject({
  object_id: z.string().min(1),
  object_type: z.string().min(1),
  action: z.string().min(1),
  message_id: z.string().min(1).optional(),
  id: z.string().optional(),
  transaction: z
    .looseObject({
      timestamp: z.number().optional(),
      message_id: z.string().optional(),
      user: z.looseObject({ uuid: z.string().optional() }).nullish(),
    })
    .nullish(),
  state: z.record(z.string(), attributeSchema).nullish(),
  changes: z.record(z.string(), attributeSchema).nullish(),
});

const deliverySchema = z.looseObject({
  message: messageSchema,
  Timestamp: z.string().optional(),
});

type Attribute = z.infer<typeof attributeSchema>;

const scalarTypes = new Set([
  'String',
  'Text',
  'Raw',
  'Integer',
  'Decimal',
  'Boolean',
  'Date',
  'Quantity',
  'Rating',
  'State',
]);

/** A value as `readRecord` would report it, or `undefined` when that needs a lookup. */
function scalar(attribute: Attribute, value: unknown): { ok: boolean; value?: unknown } {
  const type = attribute.type ?? 'String';
  if (!scalarTypes.has(type) || isSpanDate(attribute.name)) return { ok: false };
  if (value === null || value === undefined) return { ok: true, value: null };
  if (type === 'Text') {
    const html = fromRallyHtml(value);
    return { ok: true, value: attribute.name === 'Notes' ? stripMarker(html) : html };
  }
  if ((type === 'Quantity' || type === 'Rating') && typeof value === 'object') {
    return { ok: true, value: (value as { value?: unknown }).value ?? null };
  }
  if (type === 'State' && typeof value === 'object') {
    return { ok: true, value: (value as { name?: unknown }).name ?? null };
  }
  return { ok: true, value };
}

const byName = (entries: Record<string, Attribute> | null | undefined, name: string) =>
  Object.values(entries ?? {}).find((a) => a.name === name);

function invalid(reason: string): RemoteError {
  return new RemoteError('validation', `Not a Rally webhook delivery: ${reason}`, {
    retryable: false,
  });
}

export function parseDelivery(body: string): RemoteChange[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw invalid('the body is not JSON');
  }
  const parsed = deliverySchema.safeParse(json);
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? 'unexpected shape');
  const { message } = parsed.data;
  const changes = message.changes ?? {};
  const recycled = byName(changes, 'Recycled')?.value === true;
  const action = message.action.toLowerCase();
  const kind: RemoteChange['kind'] =
    action === 'deleted' || recycled ? 'deleted' : action === 'created' ? 'created' : 'updated';

  const objectId = byName(message.state, 'ObjectID')?.value;
  const version = byName(message.state, 'VersionId')?.value;
  const timestamp = message.transaction?.timestamp;
  const changedAt =
    typeof timestamp === 'number'
      ? new Date(timestamp).toISOString()
      : (parsed.data.Timestamp ?? new Date().toISOString());

  let fields: Record<string, unknown> | undefined;
  let previousFields: Record<string, unknown> | undefined;
  if (kind === 'updated') {
    fields = {};
    previousFields = {};
    for (const attribute of Object.values(changes)) {
      const after = scalar(attribute, attribute.value);
      const before = scalar(attribute, attribute.old_value);
      if (!after.ok || !before.ok) {
        fields = undefined;
        previousFields = undefined;
        break;
      }
      fields[attribute.name] = after.value;
      previousFields[attribute.name] = before.value;
    }
  }

  const changeId = message.message_id ?? message.transaction?.message_id;
  if (!changeId) throw invalid('no message_id');
  return [
    {
      kind,
      ref: {
        type: typeFromRallyName(message.object_type),
        // WSAPI reads accept the UUID too, for the rare delivery without ObjectID in its state.
        id:
          typeof objectId === 'number' || typeof objectId === 'string'
            ? String(objectId)
            : message.object_id,
      },
      version: typeof version === 'string' || typeof version === 'number' ? String(version) : null,
      changedAt,
      changedBy: message.transaction?.user?.uuid ?? null,
      ...(kind === 'updated' ? { scopeChanged: byName(changes, 'Project') !== undefined } : {}),
      ...(kind === 'updated'
        ? { changedFields: Object.values(changes).map((attribute) => attribute.name) }
        : {}),
      ...(fields ? { fields } : {}),
      ...(previousFields ? { previousFields } : {}),
      changeId,
    },
  ];
}
