import { ATTACHMENT_MAX_BYTES, type Attachment } from '@tandem/contracts';
import {
  addAttachment,
  deleteAttachment,
  findFeature,
  getAttachmentContent,
  listAttachments,
} from '@tandem/roadmap';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.ts';
import { actionContext } from '../lib/action-context.ts';
import { contentDisposition, toAttachment } from '../lib/attachments.ts';
import { AppError } from '../lib/errors.ts';
import { rateLimitPerUser } from '../lib/rate-limit.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/** Room for the multipart envelope around a file of the largest allowed size. */
export const ATTACHMENT_BODY_LIMIT = ATTACHMENT_MAX_BYTES + 64 * 1024;

/** The upload path, which the app-wide JSON body limit leaves to this router's own limit. */
export const ATTACHMENT_UPLOAD_PATH = /^\/api\/workspaces\/[^/]+\/features\/[^/]+\/attachments\/?$/;

const uploadLimit = bodyLimit({
  maxSize: ATTACHMENT_BODY_LIMIT,
  onError: () => {
    throw new AppError(
      413,
      'payload_too_large',
      `Attachments can be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`,
      { maxBytes: ATTACHMENT_MAX_BYTES },
    );
  },
});

async function fileFrom(request: { parseBody(): Promise<Record<string, unknown>> }): Promise<File> {
  let body: Record<string, unknown>;
  try {
    body = await request.parseBody();
  } catch {
    throw new AppError(400, 'bad_request', 'Send the file as multipart/form-data');
  }
  const file = body.file;
  if (!(file instanceof File)) {
    throw AppError.validation([{ path: 'file', message: 'Choose a file to attach' }]);
  }
  return file;
}

/** Mounted at the workspace. */
export const attachmentRoutes = new Hono<AppEnv>()
  .get('/features/:featureId/attachments', requireWorkspaceRole('viewer'), async (c) => {
    const { db } = c.var.deps.database;
    const feature = await findFeature(db, c.req.param('featureId'));
    if (feature?.workspace_id !== c.var.workspace.id) throw AppError.notFound('Feature');
    const attachments: Attachment[] = (await listAttachments(db, 'feature', feature.id)).map(
      toAttachment,
    );
    return c.json({ attachments }, 200);
  })
  .post(
    '/features/:featureId/attachments',
    // Role first: it reads no body, so nobody without the right gets to send 10 MB.
    requireWorkspaceRole('contributor'),
    rateLimitPerUser('upload', 'uploads'),
    uploadLimit,
    async (c) => {
      const file = await fileFrom(c.req);
      const meta = await addAttachment(c.var.deps.database, actionContext(c), c.var.workspace.id, {
        recordType: 'feature',
        recordId: c.req.param('featureId'),
        fileName: file.name,
        contentType: file.type,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return c.json(toAttachment(meta), 201);
    },
  )
  .get('/attachments/:attachmentId/content', requireWorkspaceRole('viewer'), async (c) => {
    const { meta, content } = await getAttachmentContent(
      c.var.deps.database.db,
      c.var.workspace.id,
      c.req.param('attachmentId'),
    );
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': meta.contentType,
      'Content-Length': String(meta.size),
      'Content-Disposition': contentDisposition(meta.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  })
  .delete('/attachments/:attachmentId', requireWorkspaceRole('contributor'), async (c) => {
    await deleteAttachment(
      c.var.deps.database,
      actionContext(c),
      c.var.workspace.id,
      c.req.param('attachmentId'),
    );
    return c.body(null, 204);
  });
