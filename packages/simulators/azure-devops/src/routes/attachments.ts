/** Attachments: upload raw bytes (201 with id and url), download them back. */
import { Hono } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { AdoError, argumentError, attachmentNotFound } from '../errors.ts';
import { both, projectParam } from './helpers.ts';

/** The single-request upload limit (Azure DevOps documents 130 MB; larger files go in chunks). */
export const MAX_ATTACHMENT_BYTES = 130 * 1024 * 1024;

export function attachmentRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();
  both(app, 'POST', '/wit/attachments', async (c) => {
    projectParam(c, sim);
    if ((c.req.query('uploadType') ?? 'simple').toLowerCase() === 'chunked')
      throw argumentError(
        'VS402376: Chunked attachment uploads are not supported by this simulator.',
      );
    const fileName = c.req.query('fileName') ?? 'attachment';
    const bytes = Buffer.from(await c.req.arrayBuffer());
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw new AdoError(`VS402322: The attachment is larger than ${MAX_ATTACHMENT_BYTES} bytes.`, {
        status: 400,
        typeKey: 'WorkItemAttachmentExceedsMaxSizeException',
        eventId: 3200,
      });
    }
    const a = sim.store.addAttachment(fileName, bytes, c.get('principal').user.id);
    sim.changed();
    return c.json(
      {
        id: a.id,
        url: `${c.get('orgUrl')}/_apis/wit/attachments/${a.id}?fileName=${encodeURIComponent(fileName)}`,
      },
      201,
    );
  });
  both(app, 'GET', '/wit/attachments/:id', (c) => {
    const id = (c.req.param('id' as never) as string).toLowerCase();
    const a = sim.store.attachments.get(id);
    if (!a) throw attachmentNotFound(id);
    const name = c.req.query('fileName') ?? a.fileName;
    const download = c.req.query('download')?.toLowerCase() === 'true';
    c.header('Content-Type', 'application/octet-stream');
    c.header(
      'Content-Disposition',
      `${download ? 'attachment' : 'inline'}; filename="${name.replace(/"/g, '')}"`,
    );
    return c.body(Buffer.from(a.content, 'base64'));
  });
  return app;
}
