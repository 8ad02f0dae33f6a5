/**
 * The development proxy (the seed's "Running an integration in development"): serves the services
 * of a folder on one port — `GET /configuration` lists them with their config fields as JSON
 * Schema, `POST /services/<name>` delivers an event to one — reloads them when a file in the
 * folder changes, and prints every event and answer as it passes.
 */
import { type FSWatcher, watch } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleDelivery } from '../handle-delivery.ts';
import { readBody, sendJson } from '../http-io.ts';
import { memoryReplayGuard } from '../replay-guard.ts';
import { serviceConfiguration } from '../serve.ts';
import { type LoadedServices, loadServices } from './load-services.ts';

export interface DevProxyOptions {
  dir: string;
  secret: string;
  port?: number;
  host?: string;
  /** Where the proxy says what passes. Default: stdout. */
  print?: (line: string) => void;
}

export interface RunningDevProxy {
  url: string;
  reload(): Promise<LoadedServices>;
  close(): Promise<void>;
}

export async function startDevProxy(options: DevProxyOptions): Promise<RunningDevProxy> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const guard = memoryReplayGuard();
  let generation = 0;
  let loaded: LoadedServices = { services: new Map(), errors: [] };
  const reload = async () => {
    loaded = await loadServices(options.dir, ++generation);
    print(`loaded ${[...loaded.services.keys()].join(', ') || 'no services'} from ${options.dir}`);
    for (const { file, message } of loaded.errors) print(`! ${file}: ${message}`);
    return loaded;
  };
  await reload();

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      print(`! ${(error as Error).message}`);
      sendJson(res, 500, { error: 'the proxy failed' });
    });
  });
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url === '/configuration') {
      return sendJson(res, 200, serviceConfiguration([...loaded.services.values()]));
    }
    const name = /^\/services\/([a-z][a-z0-9_]*)$/.exec(req.url ?? '')?.[1];
    const service = name ? loaded.services.get(name) : undefined;
    if (req.method !== 'POST' || !service)
      return sendJson(res, 404, { error: `no service at ${req.url}` });
    const body = await readBody(req, 1024 * 1024);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
    );
    print(`→ ${service.name} ${headers['tandem-event'] ?? '?'} ${body}`);
    const { status, answer } = await handleDelivery(
      service,
      { headers, body },
      { secret: options.secret, guard },
    );
    print(`← ${service.name} ${status} ${JSON.stringify(answer)}`);
    sendJson(res, status, answer);
  };

  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(options.dir, () => {
    // Editors write a file in several steps: reload once they are done.
    clearTimeout(timer);
    timer = setTimeout(() => {
      print('change seen, reloading');
      void reload();
    }, 100);
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 4567, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  print(`development proxy on ${url} (GET ${url}/configuration)`);
  return {
    url,
    reload,
    close: () =>
      new Promise((resolve) => {
        clearTimeout(timer);
        watcher.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
