/**
 * A linked record's attachments go to the remote record: after its create (or the lookup that
 * found it) and whenever a file is added later. The connector skips a file already there with
 * the same name and size, so a repeated job adds nothing twice; a file over the system's limit
 * (`manifest.maxAttachmentBytes`) is refused with a log line that says so.
 */
import { RemoteError } from '@tandem/connector-kit';
import { integrationLogRepository, type LogLevel } from '@tandem/storage';
import type { RecordRef } from '../../core/index.ts';
import { PostponeJob } from '../queue/port.ts';
import type { SyncDeps } from './deps.ts';
import type { Trx } from './ports.ts';
import { syncStateNames } from './record-syncs.ts';
import { linkAsRemoteRef } from './remote-refs.ts';
import { recordQueueName } from './sync-context.ts';

export const SEND_ATTACHMENTS_TASK = 'sync.sendAttachments';

export type SendAttachmentsPayload = {
  integrationId: string;
  record: RecordRef;
  /** Only these (a later addition); every attachment of the record when absent. */
  attachmentIds?: string[];
};

/** The records whose files travel with them. */
export const ATTACHING_KINDS: ReadonlySet<string> = new Set(['feature', 'requirement']);

/** Queues the upload of a record's attachments, behind its other remote work. */
export async function queueAttachments(
  deps: Pick<SyncDeps, 'queue'>,
  payload: SendAttachmentsPayload,
  trx?: Trx,
): Promise<void> {
  if (!ATTACHING_KINDS.has(payload.record.kind)) return;
  const spec = {
    task: SEND_ATTACHMENTS_TASK,
    payload,
    queueName: recordQueueName(payload.integrationId, payload.record),
    maxAttempts: 10,
  };
  await (trx ? deps.queue.addWithin(trx, spec) : deps.queue.add(spec));
}

/** Whether a record has files to send (most have none: no job for them). */
export async function hasAttachments(
  deps: Pick<SyncDeps, 'db'>,
  record: RecordRef,
): Promise<boolean> {
  if (!ATTACHING_KINDS.has(record.kind)) return false;
  const row = await deps.db
    .selectFrom('attachments')
    .select('id')
    .where('record_type', '=', record.kind as 'feature' | 'requirement')
    .where('record_id', '=', record.id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

const megabytes = (bytes: number) =>
  `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;

export async function sendAttachments(
  deps: SyncDeps,
  payload: SendAttachmentsPayload,
): Promise<void> {
  const { integrationId, record } = payload;
  const runtime = await deps.integrations.runtime(integrationId);
  const system = runtime.connector.manifest.displayName;
  const state = (await syncStateNames(deps.db, integrationId, [record.id])).get(record.id);
  if (state === 'create_pending')
    throw new PostponeJob('waiting for the record to be created', 500);
  const [link] = await deps.roadmap.loadLinks([integrationId], [record.id]);
  const remote = link && linkAsRemoteRef(link);
  if (!remote) return;
  let query = deps.db
    .selectFrom('attachments')
    .select(['id', 'file_name', 'content_type', 'size', 'content'])
    .where('record_type', '=', record.kind as 'feature' | 'requirement')
    .where('record_id', '=', record.id)
    .where('workspace_id', '=', runtime.workspaceId);
  if (payload.attachmentIds) query = query.where('id', 'in', payload.attachmentIds);
  const files = await query.orderBy('created_at').execute();
  const log = (level: LogLevel, message: string) =>
    integrationLogRepository(deps.db).append(
      {
        integrationId,
        workspaceId: runtime.workspaceId,
        recordType: record.kind,
        recordId: record.id,
        level,
        event: 'attachment',
        message,
      },
      deps.now().toISOString(),
    );
  const limit = runtime.connector.manifest.maxAttachmentBytes;
  for (const file of files) {
    const size = Number(file.size);
    if (limit !== undefined && size > limit) {
      await log(
        'warn',
        `Attachment ${file.file_name} not sent: it is ${megabytes(size)}, over ${system}'s limit of ${megabytes(limit)}`,
      );
      continue;
    }
    try {
      const sent = await runtime.connector.uploadAttachment(
        runtime.context,
        { type: remote.remoteType, id: remote.remoteId },
        { fileName: file.file_name, contentType: file.content_type, data: file.content },
      );
      await log(
        'info',
        `Attachment ${sent.fileName} (${megabytes(size)}) is on ${remote.formattedId ?? remote.remoteId} in ${system}`,
      );
    } catch (error) {
      if (RemoteError.is(error) && error.retryable) throw error;
      await log(
        'error',
        `Attachment ${file.file_name} not sent to ${system}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
