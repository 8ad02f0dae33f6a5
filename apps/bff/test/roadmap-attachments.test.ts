import { ATTACHMENT_MAX_BYTES } from '@tandem/contracts';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { type RoadmapFixture, roadmapFixture } from './support/roadmap.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72]);
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
const MB = 1024 * 1024;

function form(bytes: Uint8Array, type: string, name: string): FormData {
  const body = new FormData();
  body.append('file', new Blob([bytes], { type }), name);
  return body;
}

/** A multipart body of `size` file bytes produced lazily; `pulled()` says how much was read. */
function lazyUpload(size: number) {
  const boundary = 'tandem-boundary';
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-`,
  );
  const chunk = new Uint8Array(64 * 1024);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) {
        controller.enqueue(head);
        sent += head.length;
      } else if (sent < size) {
        controller.enqueue(chunk);
        sent += chunk.length;
      } else {
        controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
        controller.close();
      }
    },
  });
  return {
    stream,
    contentType: `multipart/form-data; boundary=${boundary}`,
    pulled: () => sent,
  };
}

describeEachDialect('attachments API', (handle) => {
  async function feature(f: RoadmapFixture) {
    const res = await f.contributor.request('POST', `${f.base}/features`, {
      name: 'With files',
      releaseId: f.release.id,
    });
    return (await res.json()) as { id: string };
  }

  it('uploads, lists, downloads and deletes an attachment', async () => {
    const f = await roadmapFixture(handle());
    const { id } = await feature(f);
    const res = await f.contributor.request(
      'POST',
      `${f.base}/features/${id}/attachments`,
      form(PNG, 'image/png', 'Screen shot é.png'),
    );
    expect(res.status).toBe(201);
    const attachment = await res.json();
    expect(attachment).toMatchObject({
      recordType: 'feature',
      recordId: id,
      fileName: 'Screen shot é.png',
      contentType: 'image/png',
      size: PNG.length,
      downloadUrl: `${f.base}/attachments/${attachment.id}/content`,
    });

    const detail = await (await f.viewer.request('GET', `${f.base}/features/${id}`)).json();
    expect(detail.attachments).toEqual([attachment]);

    const download = await f.viewer.request('GET', attachment.downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Screen shot _.png"; filename*=UTF-8''Screen%20shot%20%C3%A9.png`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PNG);

    expect(
      (await f.viewer.request('DELETE', `${f.base}/attachments/${attachment.id}`)).status,
    ).toBe(403);
    expect(
      (await f.contributor.request('DELETE', `${f.base}/attachments/${attachment.id}`)).status,
    ).toBe(204);
    expect((await f.viewer.request('GET', attachment.downloadUrl)).status).toBe(404);
  });

  it('refuses a 50 MB upload with 413 without reading it all, writing nothing', async () => {
    const f = await roadmapFixture(handle());
    const { id } = await feature(f);
    const before = await f.written('attachments');
    const fifty = 50 * MB;

    // Declared size: refused from the header alone.
    const declared = lazyUpload(fifty);
    const res1 = await f.contributor.request(
      'POST',
      `${f.base}/features/${id}/attachments`,
      declared.stream,
      {
        'content-type': declared.contentType,
        'content-length': String(fifty + 200),
      },
    );
    expect(res1.status).toBe(413);
    expect((await res1.json()).error.code).toBe('payload_too_large');
    expect(declared.pulled()).toBeLessThan(MB);

    // Streamed without a length: reading stops just past the limit.
    const chunked = lazyUpload(fifty);
    const res2 = await f.contributor.request(
      'POST',
      `${f.base}/features/${id}/attachments`,
      chunked.stream,
      {
        'content-type': chunked.contentType,
      },
    );
    expect(res2.status).toBe(413);
    expect((await res2.json()).error).toMatchObject({
      code: 'payload_too_large',
      message: expect.stringContaining('10 MB'),
    });
    expect(chunked.pulled()).toBeLessThan(ATTACHMENT_MAX_BYTES + 2 * MB);

    expect(await f.written('attachments')).toEqual(before);
  });

  it('refuses a file just over the limit that fits in the envelope, with 413', async () => {
    const f = await roadmapFixture(handle());
    const { id } = await feature(f);
    const before = await f.written('attachments');
    const bytes = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    bytes.set(new TextEncoder().encode('%PDF-1.7'));
    const res = await f.contributor.request(
      'POST',
      `${f.base}/features/${id}/attachments`,
      form(bytes, 'application/pdf', 'big.pdf'),
    );
    expect(res.status).toBe(413);
    expect(await f.written('attachments')).toEqual(before);
  });

  it('refuses a wrong content type, a renamed executable and active content with 400', async () => {
    const f = await roadmapFixture(handle());
    const { id } = await feature(f);
    const before = await f.written('attachments');
    const cases = [
      form(EXE, 'image/png', 'holiday.png'),
      form(EXE, 'application/x-msdownload', 'setup.exe'),
      form(PNG, 'image/png', 'setup.exe'),
      form(new TextEncoder().encode('<svg onload="alert(1)"/>'), 'image/svg+xml', 'logo.svg'),
      form(new Uint8Array(0), 'text/plain', 'empty.txt'),
    ];
    for (const body of cases) {
      const res = await f.contributor.request('POST', `${f.base}/features/${id}/attachments`, body);
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe('validation_failed');
      expect(error.details.fields[0].path).toBe('file');
    }
    const noFile = await f.contributor.request(
      'POST',
      `${f.base}/features/${id}/attachments`,
      new FormData(),
    );
    expect(noFile.status).toBe(400);
    expect(await f.written('attachments')).toEqual(before);
  });

  it('lets a viewer download but not upload, and 404s a feature of another workspace', async () => {
    const f = await roadmapFixture(handle());
    const other = await roadmapFixture(handle());
    const { id } = await feature(f);
    const foreign = await feature(other);
    const viewerRes = await f.viewer.request(
      'POST',
      `${f.base}/features/${id}/attachments`,
      form(PNG, 'image/png', 'a.png'),
    );
    expect(viewerRes.status).toBe(403);
    const crossRes = await f.contributor.request(
      'POST',
      `${f.base}/features/${foreign.id}/attachments`,
      form(PNG, 'image/png', 'a.png'),
    );
    expect(crossRes.status).toBe(404);
  });
});
