import { describe, expect, it } from 'vitest';
import {
  contentMatchesType,
  effectiveContentType,
  hasDangerousExtension,
  isAllowedContentType,
} from '../src/attachments/sniff.ts';
import { EXE, PNG } from './support/bytes.ts';

describe('attachment content checks', () => {
  it('recognises the allowed formats by their first bytes', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(contentMatchesType('image/png', PNG)).toBe(true);
    expect(contentMatchesType('image/jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(contentMatchesType('image/gif', bytes('GIF89a....'))).toBe(true);
    expect(contentMatchesType('image/webp', bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe(true);
    expect(contentMatchesType('application/pdf', bytes('%PDF-1.7\n'))).toBe(true);
    expect(contentMatchesType('text/csv', bytes('a,b\r\n1,"é"\n'))).toBe(true);
    expect(
      contentMatchesType(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]),
      ),
    ).toBe(true);
  });

  it('refuses a renamed executable whatever it claims to be', () => {
    expect(contentMatchesType('image/png', EXE)).toBe(false);
    expect(contentMatchesType('text/plain', EXE)).toBe(false);
    expect(contentMatchesType('application/pdf', EXE)).toBe(false);
    expect(contentMatchesType('text/plain', new Uint8Array([0xc3, 0x28]))).toBe(false);
  });

  it('falls back to the extension only when the browser sent no useful type', () => {
    expect(effectiveContentType('', 'plan.PDF')).toBe('application/pdf');
    expect(effectiveContentType('application/octet-stream', 'a.png')).toBe('image/png');
    expect(effectiveContentType('image/png; charset=binary', 'a.txt')).toBe('image/png');
    expect(effectiveContentType('', 'noext')).toBe('');
  });

  it('allows only the listed types and refuses active content names', () => {
    expect(isAllowedContentType('image/png')).toBe(true);
    expect(isAllowedContentType('application/x-msdownload')).toBe(false);
    expect(isAllowedContentType('image/svg+xml')).toBe(false);
    expect(hasDangerousExtension('setup.exe')).toBe(true);
    expect(hasDangerousExtension('page.HTML')).toBe(true);
    expect(hasDangerousExtension('spec.pdf')).toBe(false);
  });
});
