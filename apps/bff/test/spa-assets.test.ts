import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { pickEncoding } from '../src/spa.ts';
import { createTestApp } from './support/test-app.ts';

const script = `export const words = ${JSON.stringify('tandem '.repeat(2000))};\n`;

describeEachDialect('the built SPA: compressed, hashed assets cached for good', (handle) => {
  async function app() {
    const dist = mkdtempSync(join(tmpdir(), 'tandem-spa-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Tandem</title>');
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), script);
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const { client } = await createTestApp(handle(), { WEB_DIST: dist });
    return client();
  }

  it('sends brotli or gzip as the browser accepts, with a year-long immutable cache', async () => {
    const browser = await app();
    const br = await browser.request('GET', '/assets/index-AbC123.js', undefined, {
      'accept-encoding': 'gzip, deflate, br, zstd',
    });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('content-type')).toMatch(/^text\/javascript/);
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(brBody).toString()).toBe(script);

    const gz = await browser.request('GET', '/assets/index-AbC123.js', undefined, {
      'accept-encoding': 'gzip',
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);

    const plain = await browser.request('GET', '/assets/index-AbC123.js', undefined, {
      'accept-encoding': 'identity',
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('never caches the page itself, at any of its addresses', async () => {
    const browser = await app();
    for (const path of ['/', '/index.html', '/w/APP/features']) {
      const res = await browser.request('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    // Unhashed files are served as they are, without the immutable cache.
    const icon = await browser.request('GET', '/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
    // A missing asset is not answered with the page.
    const missing = await browser.request('GET', '/assets/nope-123.js');
    expect(missing.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
  });
});

it('picks the encoding from Accept-Encoding, honouring q=0', () => {
  expect(pickEncoding('gzip, deflate, br')).toBe('br');
  expect(pickEncoding('gzip;q=1, br;q=0')).toBe('gzip');
  expect(pickEncoding('*')).toBe('br');
  expect(pickEncoding(undefined)).toBe('identity');
  expect(pickEncoding('deflate')).toBe('identity');
});
