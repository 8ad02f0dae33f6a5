import { integrationLogQuerySchema } from '@tandem/contracts';
import { integrationLogRepository } from '@tandem/storage';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { loadIntegration } from '../integrations/integration-service.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/**
 * The integration log (already redacted when written), newest first, filterable; each entry names
 * its record (reference and name). `/log/events` lists the events logged, for the event filter.
 */
export const integrationLogRoutes = new Hono<AppEnv>()
  .get('/:integrationId/log/events', requireWorkspaceRole('contributor'), async (c) => {
    const row = await loadIntegration(c.var.deps, c.var.workspace.id, c.req.param('integrationId'));
    const events = await integrationLogRepository(c.var.deps.database.db).events(row.id);
    return c.json({ events }, 200);
  })
  .get(
    '/:integrationId/log',
    requireWorkspaceRole('contributor'),
    validate('query', integrationLogQuerySchema),
    async (c) => {
      const row = await loadIntegration(
        c.var.deps,
        c.var.workspace.id,
        c.req.param('integrationId'),
      );
      const query = c.req.valid('query');
      const entries = await integrationLogRepository(c.var.deps.database.db).listWithRecords({
        integrationId: row.id,
        ...(query.recordType ? { recordType: query.recordType } : {}),
        ...(query.recordId ? { recordId: query.recordId } : {}),
        ...(query.level?.length ? { levels: query.level } : {}),
        ...(query.event ? { event: query.event } : {}),
        ...(query.q ? { q: query.q } : {}),
        ...(query.before ? { before: query.before } : {}),
        limit: query.limit + 1,
      });
      const page = entries.slice(0, query.limit);
      return c.json(
        {
          entries: page.map(({ workspaceId: _w, ...e }) => e),
          nextBefore: entries.length > query.limit ? (page.at(-1)?.id ?? null) : null,
        },
        200,
      );
    },
  );
