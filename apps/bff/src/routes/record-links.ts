import {
  decideOutgoingRequestSchema,
  type RecordLink,
  recordTypeSchema,
  resolveConflictRequestSchema,
} from '@tandem/contracts';
import { getIntegrationFields } from '@tandem/roadmap';
import { integrationLogRepository, integrationsRepository, readJson } from '@tandem/storage';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { resolveConflict } from '../integrations/conflict-resolution.ts';
import { describeConflict } from '../integrations/conflict-view.ts';
import { decideOutgoing } from '../integrations/outgoing-approval.ts';
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
 * conflict and approving or rejecting such changes.
 */
export const recordLinkRoutes = new Hono<AppEnv>()
  .get(
    '/:recordType/:recordId',
    requireWorkspaceRole('viewer'),
    validate(
      'param',
      z.object({
        recordType: recordTypeSchema,
        recordId: z.string().min(1),
        workspaceId: z.string(),
      }),
    ),
    async (c) => {
      const { recordType, recordId } = c.req.valid('param');
      const db = c.var.deps.database.db;
      const integrations = (
        await integrationsRepository(db).listForWorkspace(c.var.workspace.id)
      ).filter((i) => i.state !== 'draft');
      const fields = await getIntegrationFields(db, recordType, recordId);
      const states = await db
        .selectFrom('record_syncs')
        .select(['integration_id', 'state', 'state_name'])
        .where('record_id', '=', recordId)
        .execute();
      const links: RecordLink[] = [];
      for (const integration of integrations) {
        const f = fields[integration.id] ?? {};
        const sync = states.find((s) => s.integration_id === integration.id);
        const state = sync
          ? readJson<{
              name: string;
              error?: string;
              fields?: never;
              theirs?: never;
              approval?: string[];
            }>(sync.state)
          : undefined;
        // A failed sync points at its error; a send refused before anything went out (blocked by
        // the plan) leaves only a log entry, which the drawer shows the same way.
        // The engine's own line, not the HTTP request's that failed with it (either may be
        // written first).
        const latestError = async (event: 'send_failed' | 'send_blocked') => {
          const [entry] = await integrationLogRepository(db).list({
            integrationId: integration.id,
            recordId,
            levels: ['error'],
            event,
            limit: 1,
          });
          return entry;
        };
        const blocked = sync ? undefined : await latestError('send_blocked');
        const lastError =
          sync?.state_name === 'failed' ? await latestError('send_failed') : blocked;
        links.push({
          integrationId: integration.id,
          integrationName: integration.name,
          system: integration.system,
          state: sync?.state_name ?? 'unlinked',
          formattedId: (f.formattedId as string | undefined) ?? null,
          url: (f.url as string | undefined) ?? null,
          lastError: state?.error ?? blocked?.message ?? null,
          lastLogId: lastError?.id ?? null,
          ...(state?.name === 'conflict'
            ? {
                conflict: await describeConflict(
                  db,
                  c.var.workspace.id,
                  recordType,
                  recordId,
                  state,
                ),
              }
            : {}),
          ...(state?.name === 'awaiting_approval' ? { approval: state.approval ?? [] } : {}),
        });
      }
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
