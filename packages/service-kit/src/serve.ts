/**
 * A service over HTTP: `POST /` takes events, `GET /configuration` lists the service and its
 * config fields as JSON Schema (what the development proxy and the wizard read).
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Service } from './define-service.ts';
import { type DeliveryOptions, handleDelivery } from './handle-delivery.ts';
import { readBody, sendJson } from './http-io.ts';
import { memoryReplayGuard } from './replay-guard.ts';

export interface ServeOptions extends Omit<DeliveryOptions, 'guard'> {
  guard?: DeliveryOptions['guard'];
  /** Largest body accepted. Default 1 MiB. */
  maxBodyBytes?: number;
}

export function serviceConfiguration(
  services: readonly Pick<Service, 'name' | 'title' | 'configJsonSchema'>[],
) {
  return {
    protocol: 1,
    services: services.map((s) => ({ name: s.name, title: s.title, config: s.configJsonSchema() })),
  };
}

export function createRequestListener<Data>(
  service: Service<Data>,
  options: ServeOptions,
): RequestListener {
  const deliveryOptions: DeliveryOptions = {
    ...options,
    guard: options.guard ?? memoryReplayGuard(),
  };
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  return (req, res) => {
    if (req.method === 'GET' && req.url === '/configuration') {
      return sendJson(res, 200, serviceConfiguration([service]));
    }
    // `/services/<name>` too: the address a development proxy gives the same service.
    const paths = ['/', '/events', `/services/${service.name}`];
    if (req.method !== 'POST' || !paths.includes(req.url ?? '')) {
      return sendJson(res, 404, { error: 'POST events to /' });
    }
    readBody(req, limit).then(
      async (body) => {
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
        );
        const { status, answer } = await handleDelivery(
          service,
          { headers, body },
          deliveryOptions,
        );
        sendJson(res, status, answer);
      },
      () =>
        sendJson(res, 413, {
          protocol: 1,
          ok: false,
          error: { message: 'Body too large', retryable: false, field_errors: [] },
          logs: [],
        }),
    );
  };
}

export interface RunningService {
  url: string;
  close(): Promise<void>;
}

export async function serveService<Data>(
  service: Service<Data>,
  options: ServeOptions & { port?: number; host?: string },
): Promise<RunningService> {
  const server = createServer(createRequestListener(service, options));
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
