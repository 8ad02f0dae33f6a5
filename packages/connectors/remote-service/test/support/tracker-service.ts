/**
 * A small tracker written with the service kit, served over HTTP, standing in for "the remote"
 * in the conformance run: it numbers what it is sent (`TR-1`), refuses a feature without a name,
 * and can drop the connection after it has handled a delivery (a lost answer).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestListener, defineService, ServiceError } from '@tandem/service-kit';
import { z } from 'zod';

export const TRACKER_SECRET = 'tracker-signing-secret-0123456789';

export interface RunningTracker {
  url: string;
  items: Map<string, { kind: string; name: string; parent?: string }>;
  deliveries: string[];
  dropNextResponseAfterCommit(): void;
  close(): Promise<void>;
}

export async function startTracker(): Promise<RunningTracker> {
  const items = new Map<string, { kind: string; name: string; parent?: string }>();
  const deliveries: string[] = [];
  let next = 1;
  let base = '';
  const own = (fields: { service_name: string; name: string; value: string }[]) =>
    fields.find((f) => f.service_name === 'tracker' && f.name === 'id')?.value;
  const save = (kind: string, name: string, existing?: string, parent?: string) => {
    if (!name.trim())
      throw new ServiceError(`A ${kind} needs a name`, {
        retryable: false,
        fieldErrors: [{ field: 'name', message: 'is empty' }],
      });
    const id = existing ?? String(next++);
    items.set(id, { kind, name, ...(parent ? { parent } : {}) });
    return { id, key: `TR-${id}`, url: `${base}/items/${id}` };
  };
  const service = defineService({
    name: 'tracker',
    title: 'Tracker',
    config: z.object({ board: z.string().min(1).default('Main') }),
    handlers: {
      installed: (_e, ctx) => ctx.setMetaData({ board: ctx.data.board }),
      create_release: ({ release }, ctx) =>
        ctx.createIntegrationFields('releases', release.id, save('release', release.name)),
      update_release: ({ release }, ctx) => {
        ctx.createIntegrationFields(
          'releases',
          release.id,
          save('release', release.name, own(release.integration_fields)),
        );
      },
      create_feature: ({ feature }, ctx) => {
        const saved = save('feature', feature.name);
        ctx.createIntegrationFields('features', feature.id, saved);
      },
      update_feature: ({ feature }, ctx) => {
        const saved = save('feature', feature.name, own(feature.integration_fields));
        ctx.createIntegrationFields('features', feature.id, saved);
        for (const requirement of feature.requirements) {
          ctx.createIntegrationFields(
            'requirements',
            requirement.id,
            save('requirement', requirement.name, own(requirement.integration_fields), saved.id),
          );
        }
      },
    },
  });
  const listener = createRequestListener(service, { secret: TRACKER_SECRET });
  let dropNext = false;
  const server = createServer((req, res) => {
    deliveries.push(String(req.headers['tandem-event']));
    if (dropNext && req.method === 'POST') {
      dropNext = false;
      // Handle the delivery, then cut the connection instead of answering.
      res.writeHead = (() => res) as typeof res.writeHead;
      res.end = (() => {
        req.socket.destroy();
        return res;
      }) as typeof res.end;
    }
    listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    items,
    deliveries,
    dropNextResponseAfterCommit: () => {
      dropNext = true;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
