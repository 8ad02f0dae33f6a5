/** What the bulk-send benchmarks share: free ports, waiting for a process, the server's flags. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** The flags `./tandem start` runs the server with (see scripts/start.ts). */
export const serverNodeFlags = JSON.parse(
  readFileSync(new URL('../../server-node-flags.json', import.meta.url), 'utf8'),
) as string[];

export async function waitUntil(check: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
