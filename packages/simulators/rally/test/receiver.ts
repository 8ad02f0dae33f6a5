import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  at: number;
  body: any;
  status: number;
}

/** A real HTTP receiver for webhook deliveries; `respond` decides each answer's status. */
export async function startReceiver(respond: (n: number) => number = () => 200) {
  const received: Received[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = respond(n++);
      received.push({
        at: Date.now(),
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
    url: `http://127.0.0.1:${port}/hooks/rally/8c1e5f0d2b7a4e39`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
