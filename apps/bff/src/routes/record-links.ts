import {
  decideOutgoingRequestSchema,
  recordTypeSchema,
  resolveConflictRequestSchema,
} from '@tandem/contracts';
import { integrationsRepository, recordSyncOverviewRepository } from '@tandem/storage';
import { decideOutgoing, resolveConflict } from '@tandem/sync-engine/runner';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { recordLinksOf } from '../integrations/record-links-view.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

const recordParams = z.object({
  recordType: recordTypeSchema,
  recordId: z.string().min(1),
  workspaceId: z.string(),
});

/**
 * One record's links: the chip with the remote id, the error with a link to its log entry, or
 * the fields changed on both sides, or the changes waiting for approval; resolving such a
 * conflict and approving or rejecting such changes. `/:recordType` lists how every record of
 * that kind stands, for the board's cards and filters.
 */
export const recordLinkRoutes = new Hono<AppEnv>()
  .get(
    '/:recordType',
    requireWorkspaceRole('viewer'),
    validate('param', z.object({ recordType: recordTypeSchema, workspaceId: z.string() })),
    async (c) => {
      const workspaceId = c.var.workspace.id;
      const db = c.var.deps.database.db;
      const names = new Map(
        (await integrationsRepository(db).listForWorkspace(workspaceId)).map((i) => [i.id, i.name]),
      );
      const rows = await recordSyncOverviewRepository(db).forWorkspace(
        workspaceId,
        c.req.valid('param').recordType,
      );
      const links = rows.map((r) => ({
        ...r,
        integrationName: names.get(r.integrationId) ?? '',
      }));
      return c.json({ links }, 200);
    },
  )
  .get(
    '/:recordType/:recordId',
    requireWorkspaceRole('viewer'),
    validate('param', recordParams),
    async (c) => {
      const { recordType, recordId } = c.req.valid('param');
      const links = await recordLinksOf(c.var.deps, c.var.workspace.id, {
        kind: recordType,
        id: recordId,
      });
      return c.json({ links }, 200);
    },
  )
  .post(
    '/:recordType/:recordId/:integrationId/resolve',
    requireWorkspaceRole('contributor'),
    validate('param', recordParams.extend({ integrationId: z.string().min(1) })),
    validate('json', resolveConflictRequestSchema),
    async (c) => {
      const { recordType, recordId, integrationId } = c.req.valid('param');
      await resolveConflict(c.var.deps, {
        workspaceId: c.var.workspace.id,
        integrationId,
        recordType,
        recordId,
        keep: c.req.valid('json').keep,
        by: c.var.session?.user.name ?? 'Someone',
      });
      return c.body(null, 204);
    },
  )
  .post(
    '/:recordType/:recordId/:integrationId/approval',
    requireWorkspaceRole('contributor'),
    validate('param', recordParams.extend({ integrationId: z.string().min(1) })),
    validate('json', decideOutgoingRequestSchema),
    async (c) => {
      const { recordType, recordId, integrationId } = c.req.valid('param');
      await decideOutgoing(c.var.deps, {
        workspaceId: c.var.workspace.id,
        integrationId,
        recordType,
        recordId,
        decision: c.req.valid('json').decision,
        by: c.var.session?.user.name ?? 'Someone',
      });
      return c.body(null, 204);
    },
  );
