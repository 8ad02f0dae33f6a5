import { ATTACHMENT_CONTENT_TYPES } from '@tandem/contracts';

export type AllowedContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

const EXTENSION_TYPES: Record<string, AllowedContentType> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** Names a browser or desktop would run or render as active content when opened. */
const DANGEROUS_EXTENSIONS = new Set(
  'exe dll com bat cmd msi scr ps1 vbs js mjs jar sh app html htm xhtml svg hta lnk'.split(' '),
);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Tab, line feed, form feed and carriage return are text; other control bytes are not. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

function isPlainText(bytes: Uint8Array): boolean {
  for (const b of bytes) if ((b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const isZip = (b: Uint8Array) => startsWith(b, ZIP) || startsWith(b, EMPTY_ZIP);

const MATCHES: Record<AllowedContentType, (bytes: Uint8Array) => boolean> = {
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/gif': (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
  'image/webp': (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
  'application/pdf': (b) => startsWith(b, ascii('%PDF-')),
  'text/plain': isPlainText,
  'text/csv': isPlainText,
  'application/zip': isZip,
  // Office Open XML documents are zip packages.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': isZip,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': isZip,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': isZip,
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** The type to store: the declared one, or the extension's when the browser sent none. */
export function effectiveContentType(declared: string, fileName: string): string {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  if (type && type !== 'application/octet-stream') return type;
  return EXTENSION_TYPES[extensionOf(fileName)] ?? type;
}

export function isAllowedContentType(type: string): type is AllowedContentType {
  return (ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(type);
}

export function hasDangerousExtension(fileName: string): boolean {
  return DANGEROUS_EXTENSIONS.has(extensionOf(fileName));
}

/** Do the first bytes look like the type claims? A renamed executable does not. */
export function contentMatchesType(type: AllowedContentType, bytes: Uint8Array): boolean {
  return MATCHES[type](bytes);
}
