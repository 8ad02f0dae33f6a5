import type { Attachment, RecordType } from '@tandem/contracts';
import { NotFoundError } from '../errors.ts';
import type { Reader } from '../store.ts';

/** An attachment as the API shows it, before the BFF adds its download URL. */
export type AttachmentMeta = Omit<Attachment, 'downloadUrl'> & { workspaceId: string };

const META_COLUMNS = [
  'id',
  'workspace_id',
  'record_type',
  'record_id',
  'file_name',
  'content_type',
  'size',
  'created_by',
  'created_at',
] as const;

type MetaRow = {
  id: string;
  workspace_id: string;
  record_type: RecordType;
  record_id: string;
  file_name: string;
  content_type: string;
  size: number;
  created_at: string;
};

export const toAttachmentMeta = (r: MetaRow): AttachmentMeta => ({
  id: r.id,
  workspaceId: r.workspace_id,
  recordType: r.record_type,
  recordId: r.record_id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: Number(r.size),
  createdAt: r.created_at,
});

/** Attachment rows without their bytes. */
export function attachmentMetaRows(db: Reader, recordType: RecordType, recordId: string) {
  return db
    .selectFrom('attachments')
    .select(META_COLUMNS)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function listAttachments(
  db: Reader,
  recordType: RecordType,
  recordId: string,
): Promise<AttachmentMeta[]> {
  return (await attachmentMetaRows(db, recordType, recordId)).map(toAttachmentMeta);
}

export async function getAttachmentContent(
  db: Reader,
  workspaceId: string,
  id: string,
): Promise<{ meta: AttachmentMeta; content: Uint8Array }> {
  const row = await db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Attachment');
  return { meta: toAttachmentMeta(row), content: row.content };
}
