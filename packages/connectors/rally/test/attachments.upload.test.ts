import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAttachments, rallyConnector as rally } from '../src/index.ts';
import {
  DEFAULT_ADMIN_API_KEY,
  makeCtx,
  scope,
  startSim,
  type TestContext,
} from './support/sim.ts';

let sim: Awaited<ReturnType<typeof startSim>>;
let ctx: TestContext;
beforeAll(async () => {
  sim = await startSim();
  ctx = makeCtx(sim.url);
});
afterAll(async () => {
  await ctx.transport.close();
  await sim.close();
});

async function wsapi<T>(path: string): Promise<T> {
  const res = await fetch(`${sim.url}/slm/webservice/v2.0${path}`, {
    headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
  });
  return (await res.json()) as T;
}

describe('attachments', () => {
  it('uploads AttachmentContent then Attachment; the bytes read back identical', async () => {
    const feature = await rally.createRecord(ctx, {
      scope,
      type: 'PortfolioItem/Feature',
      fields: { Name: 'With a file' },
      idempotencyToken: 'att-1',
    });
    const data = new Uint8Array(Array.from({ length: 3000 }, (_, i) => i % 256));
    const attachment = await rally.uploadAttachment(ctx, feature, {
      fileName: 'roadmap export.bin',
      contentType: 'application/octet-stream',
      data,
    });
    expect(attachment).toMatchObject({ fileName: 'roadmap export.bin', size: 3000 });
    expect(attachment.url).toBe(`${sim.url}/slm/attachment/${attachment.id}/roadmap%20export.bin`);

    const creates = ctx.log
      .filter((l) => l.method === 'POST')
      .map((l) => new URL(l.url).pathname.split('/').at(-2));
    expect(creates.slice(-2)).toEqual(['attachmentcontent', 'attachment']);

    const read = await wsapi<{
      Attachment: {
        Content: { _ref: string };
        Size: number;
        ContentType: string;
        Artifact: { _ref: string };
      };
    }>(`/attachment/${attachment.id}?fetch=Content,Size,ContentType,Artifact`);
    expect(read.Attachment).toMatchObject({ Size: 3000, ContentType: 'application/octet-stream' });
    expect(read.Attachment.Artifact._ref).toMatch(
      new RegExp(`/portfolioitem/feature/${feature.id}$`),
    );
    const contentPath = new URL(read.Attachment.Content._ref).pathname.replace(
      '/slm/webservice/v2.0',
      '',
    );
    const content = await wsapi<{ AttachmentContent: { Content: string } }>(
      `${contentPath}?fetch=Content`,
    );
    expect(new Uint8Array(Buffer.from(content.AttachmentContent.Content, 'base64'))).toEqual(data);
  });

  it('does not upload a file the record already has (same name and size); replaces a changed one', async () => {
    const story = await rally.createRecord(ctx, {
      scope,
      type: 'HierarchicalRequirement',
      fields: { Name: 'Story with a file' },
      idempotencyToken: 'att-2',
    });
    const file = {
      fileName: 'spec.txt',
      contentType: 'text/plain',
      data: new TextEncoder().encode('spec ✓'),
    };
    const first = await rally.uploadAttachment(ctx, story, file);
    const again = await rally.uploadAttachment(ctx, story, file);
    expect(again.id).toBe(first.id);
    expect(await listAttachments(ctx, story)).toHaveLength(1);
    const changed = await rally.uploadAttachment(ctx, story, {
      ...file,
      data: new TextEncoder().encode('spec v2 ✓'),
    });
    expect(changed.id).not.toBe(first.id);
    expect((await listAttachments(ctx, story)).map((a) => a.id)).toEqual([changed.id]);
  });

  it('refuses a file over 50 MB before sending it', async () => {
    const error = await rally
      .uploadAttachment(
        ctx,
        { type: 'HierarchicalRequirement', id: '1' },
        {
          fileName: 'huge.bin',
          contentType: 'application/octet-stream',
          data: new Uint8Array(50_000_001),
        },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'validation' });
  });
});
