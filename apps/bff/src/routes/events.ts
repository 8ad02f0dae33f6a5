import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../app-env.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

const HEARTBEAT_MS = 15_000;

/** Live updates for one workspace as server-sent events (`event: record.changed`, JSON data). */
export const eventRoutes = new Hono<AppEnv>().get(
  '/:workspaceId/events/stream',
  requireWorkspaceRole('viewer'),
  (c) =>
    streamSSE(c, async (stream) => {
      const queue: string[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = c.var.deps.live.subscribe(c.var.workspace.id, (event) => {
        queue.push(JSON.stringify(event));
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted) {
        const next = queue.shift();
        if (next) {
          const type = (JSON.parse(next) as { type: string }).type;
          await stream.writeSSE({ event: type, data: next });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, HEARTBEAT_MS);
        });
        wake = undefined;
        if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    }),
);
