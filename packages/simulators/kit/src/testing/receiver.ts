import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: tests read deliveries of any shape loosely.
  body: any;
  status: number;
}

/**
 * A real HTTP receiver for a simulator's webhook deliveries, listening on `path`; `respond`
 * decides each answer's status (the n-th delivery, from 0).
 */
export async function startReceiver(
  options: { path?: string; respond?: (n: number) => number } = {},
) {
  const respond = options.respond ?? (() => 200);
  const received: Received[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = respond(n++);
      received.push({
        at: Date.now(),
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        status,
      });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(String(status));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.path ?? '/hooks'}`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
