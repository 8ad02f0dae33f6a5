import { ATTACHMENT_MAX_BYTES, type RecordType } from '@tandem/contracts';
import type { ActionContext } from '../context.ts';
import { AttachmentTooLargeError, Issues, NotFoundError } from '../errors.ts';
import { newId, runWrite, type WriteTx } from '../events/write.ts';
import type { Store } from '../store.ts';
import { type AttachmentMeta, attachmentMetaRows, toAttachmentMeta } from './queries.ts';
import {
  contentMatchesType,
  effectiveContentType,
  hasDangerousExtension,
  isAllowedContentType,
} from './sniff.ts';

export type AddAttachmentInput = {
  recordType: 'feature' | 'requirement';
  recordId: string;
  fileName: string;
  /** The type the browser declared for the part (may be empty). */
  contentType: string;
  bytes: Uint8Array;
};

/** Base name only, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && c !== '"')
    .join('')
    .trim();
  return (clean || 'file').slice(0, 200);
}

const TABLE_OF = { feature: 'features', requirement: 'requirements' } as const;

export function addAttachment(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  input: AddAttachmentInput,
): Promise<AttachmentMeta> {
  if (input.bytes.byteLength > ATTACHMENT_MAX_BYTES) {
    return Promise.reject(new AttachmentTooLargeError(ATTACHMENT_MAX_BYTES));
  }
  return runWrite(store, ctx, async (tx) => {
    const owner = await tx.read.db
      .selectFrom(TABLE_OF[input.recordType])
      .select('workspace_id')
      .where('id', '=', input.recordId)
      .executeTakeFirst();
    if (owner?.workspace_id !== workspaceId) {
      throw new NotFoundError(input.recordType === 'feature' ? 'Feature' : 'Requirement');
    }
    const fileName = cleanFileName(input.fileName);
    const contentType = effectiveContentType(input.contentType, fileName);
    const issues = new Issues();
    if (input.bytes.byteLength === 0) issues.add('file', 'The file is empty');
    else if (hasDangerousExtension(fileName)) {
      issues.add('file', 'Files of this kind cannot be attached');
    } else if (!isAllowedContentType(contentType)) {
      issues.add('file', `Files of type ${contentType || 'unknown'} cannot be attached`);
    } else if (!contentMatchesType(contentType, input.bytes)) {
      issues.add('file', `The file's content is not ${contentType}`);
    }
    issues.throwIfAny();
    const row = await tx.create('attachments', {
      id: newId(),
      workspace_id: workspaceId,
      record_type: input.recordType,
      record_id: input.recordId,
      file_name: fileName,
      content_type: contentType,
      size: input.bytes.byteLength,
      content: input.bytes,
    });
    return toAttachmentMeta(row);
  });
}

export function deleteAttachment(
  store: Store,
  ctx: ActionContext,
  workspaceId: string,
  id: string,
): Promise<void> {
  return runWrite(store, ctx, async (tx) => {
    const row = await tx.load('attachments', id);
    if (!row || row.workspace_id !== workspaceId) throw new NotFoundError('Attachment');
    await tx.remove('attachments', row);
  });
}

/** Part of deleting a record; the bytes are not loaded since events never carry them. */
export async function removeAttachmentsOf(
  tx: WriteTx,
  recordType: RecordType,
  recordId: string,
): Promise<void> {
  for (const meta of await attachmentMetaRows(tx.read.db, recordType, recordId)) {
    await tx.remove('attachments', { ...meta, content: new Uint8Array(0) });
  }
}
