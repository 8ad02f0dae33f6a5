/**
 * Rally attachments are two objects: the bytes (AttachmentContent, base64) and the file entry
 * that points at them from the record (Attachment). A file already on the record with the same
 * name and size is not uploaded again, so a re-send after a lost answer adds no duplicate; a
 * file with the same name and another size replaces the old one.
 */
import type {
  AttachmentInput,
  ConnectorContext,
  RemoteAttachment,
  RemoteRef,
} from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import { relativeRef } from './refs.ts';
import type { RallyConfig } from './spec.ts';
import { typePath } from './types.ts';
import { type RallyObject, Wsapi } from './wsapi-client.ts';

/** Rally refuses larger files (pyral's MAX_ATTACHMENT_SIZE). */
export const maxAttachmentBytes = 50_000_000;

type Ctx = ConnectorContext<RallyConfig>;

function toAttachment(config: RallyConfig, object: RallyObject): RemoteAttachment {
  const id = String(object.ObjectID);
  const fileName = String(object.Name ?? '');
  return {
    id,
    fileName,
    size: typeof object.Size === 'number' ? object.Size : 0,
    url: `${config.accountUrl}/slm/attachment/${id}/${encodeURIComponent(fileName)}`,
  };
}

export async function listAttachments(ctx: Ctx, ref: RemoteRef): Promise<RemoteAttachment[]> {
  const api = new Wsapi(ctx);
  const attachments = await api.queryAll(
    `/${typePath(ref.type)}/${ref.id}/Attachments`,
    { fetch: 'ObjectID,Name,Size,ContentType' },
    'listAttachments',
  );
  return attachments.map((a) => toAttachment(ctx.config, a));
}

export async function uploadAttachment(
  ctx: Ctx,
  ref: RemoteRef,
  file: AttachmentInput,
): Promise<RemoteAttachment> {
  if (file.data.byteLength > maxAttachmentBytes) {
    const message = `${file.fileName} is larger than Rally's 50 MB attachment limit`;
    throw new RemoteError('validation', message, {
      retryable: false,
      fieldErrors: [{ field: 'Attachments', message }],
    });
  }
  const sameName = (await listAttachments(ctx, ref)).filter((a) => a.fileName === file.fileName);
  const existing = sameName.find((a) => a.size === file.data.byteLength);
  if (existing) return existing;

  const api = new Wsapi(ctx);
  const scope = { workspace: `/workspace/${ctx.config.workspaceId}`, fetch: 'ObjectID' };
  const content = await api.create(
    'AttachmentContent',
    { Content: Buffer.from(file.data).toString('base64') },
    scope,
  );
  const attachment = await api.create(
    'Attachment',
    {
      Artifact: relativeRef(ref),
      Content: `/attachmentcontent/${content.object.ObjectID}`,
      Name: file.fileName,
      ContentType: file.contentType,
      // The decoded size, not the base64 length.
      Size: file.data.byteLength,
    },
    { ...scope, fetch: 'ObjectID,Name,Size,ContentType' },
  );
  // A changed file replaces the old one (deleting an Attachment deletes its content too).
  for (const old of sameName) await api.delete(`/attachment/${old.id}`, {});
  return toAttachment(ctx.config, attachment.object);
}
