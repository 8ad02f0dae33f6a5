import type { Attachment } from '@tandem/contracts';
import type { AttachmentMeta } from '@tandem/roadmap';

/** The API shape: metadata plus where the SPA downloads the bytes. */
export function toAttachment(meta: AttachmentMeta): Attachment {
  const { workspaceId, ...rest } = meta;
  return {
    ...rest,
    downloadUrl: `/api/workspaces/${workspaceId}/attachments/${meta.id}/content`,
  };
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
