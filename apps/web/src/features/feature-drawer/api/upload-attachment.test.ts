import { ATTACHMENT_MAX_BYTES } from '@tandem/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '@/testing/test-utils';
import { attachmentProblem, formatBytes, uploadAttachment } from './upload-attachment';

describe('attachment checks before upload', () => {
  it('accepts a PDF at the limit', () => {
    expect(
      attachmentProblem({ name: 'spec.pdf', size: ATTACHMENT_MAX_BYTES, type: 'application/pdf' }),
    ).toBeNull();
  });

  it('refuses a file over the limit, saying how big both are', () => {
    expect(
      attachmentProblem({ name: 'video.pdf', size: 50 * 1024 * 1024, type: 'application/pdf' }),
    ).toBe('video.pdf is 50 MB; attachments can be up to 10 MB.');
  });

  it('refuses types the server does not take', () => {
    expect(
      attachmentProblem({ name: 'run.exe', size: 10, type: 'application/x-msdownload' }),
    ).toMatch(/^run\.exe is not a type Tandem accepts/);
  });

  it('formats sizes for people', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});

describe('uploadAttachment', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts the file as multipart with the CSRF header', async () => {
    const attachment = {
      id: 'a1',
      recordType: 'feature',
      recordId: 'f1',
      fileName: 'notes.txt',
      contentType: 'text/plain',
      size: 5,
      createdAt: '',
      downloadUrl: '/api/x',
    };
    const fetch = vi.fn(async () => jsonResponse(201, attachment));
    vi.stubGlobal('fetch', fetch);
    const file = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    await expect(uploadAttachment('w1', 'f1', file, 'tok')).resolves.toEqual(attachment);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/workspaces/w1/features/f1/attachments');
    expect(new Headers(init.headers).get('x-csrf-token')).toBe('tok');
    expect((init.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('turns the server’s refusal into an ApiError with its message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(413, { error: { code: 'payload_too_large', message: 'Too big for Tandem' } }),
      ),
    );
    const file = new File(['x'], 'x.txt', { type: 'text/plain' });
    await expect(uploadAttachment('w1', 'f1', file, 'tok')).rejects.toMatchObject({
      status: 413,
      code: 'payload_too_large',
      message: 'Too big for Tandem',
    });
  });
});
