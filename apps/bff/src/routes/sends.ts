import { isActiveIntegration, sendRequestSchema } from '@tandem/contracts';
import { recordsOutsideWorkspace } from '@tandem/roadmap';
import {
  type IntegrationRow,
  integrationLogRepository,
  integrationsRepository,
} from '@tandem/storage';
import type { SendPlan } from '@tandem/sync-engine';
import { previewSend, sendPlan } from '@tandem/sync-engine/runner';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { loadIntegration } from '../integrations/integration-service.ts';
import { remoteFailure } from '../integrations/remote-failure.ts';
import { AppError } from '../lib/errors.ts';
import { rateLimitPerUser } from '../lib/rate-limit.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';
import { displayNameOf } from '../sync/connectors.ts';
import { sendSummary } from '../views/send-summary.ts';

/** A refused send leaves its reason on each record it concerns, for the drawer and the log. */
async function logBlockedRecords(
  deps: AppEnv['Variables']['deps'],
  row: IntegrationRow,
  plan: SendPlan,
) {
  const log = integrationLogRepository(deps.database.db);
  for (const warning of plan.warnings.filter((w) => w.severity === 'error')) {
    await log.append(
      {
        integrationId: row.id,
        workspaceId: row.workspaceId,
        recordType: warning.record.kind,
        recordId: warning.record.id,
        level: 'error',
        event: 'send_blocked',
        message: `Not sent to ${row.name}: ${warning.message}`,
        data: { code: warning.code },
      },
      deps.now().toISOString(),
    );
  }
}

/**
 * Sending a record that is already up to date changes nothing remotely; the log still says so,
 * once per record the user chose (not for the requirements and releases that came along).
 */
async function logUpToDate(
  deps: AppEnv['Variables']['deps'],
  row: IntegrationRow,
  plan: SendPlan,
  selection: { featureIds?: readonly string[]; releaseIds?: readonly string[] },
) {
  const chosen = new Set([...(selection.featureIds ?? []), ...(selection.releaseIds ?? [])]);
  const upToDate = plan.skipped.filter((s) => s.reason === 'up_to_date' && chosen.has(s.record.id));
  if (upToDate.length === 0) return;
  const at = deps.now().toISOString();
  await integrationLogRepository(deps.database.db).appendMany(
    upToDate.map((s) => ({
      at,
      entry: {
        integrationId: row.id,
        workspaceId: row.workspaceId,
        recordType: s.record.kind,
        recordId: s.record.id,
        level: 'info' as const,
        event: 'send_up_to_date',
        message: `${s.record.referenceNum ?? s.record.kind} is already up to date in ${row.name}: nothing changed since it was last sent, so nothing was sent`,
        data: null,
      },
    })),
  );
}

/**
 * A send names records of the integration's own workspace only: an id of another workspace's
 * record (or of none) is refused as not found before anything is planned, so no one learns
 * whether it exists elsewhere and nothing of it can reach this integration's remote.
 */
async function refuseRecordsOfOtherWorkspaces(
  deps: AppEnv['Variables']['deps'],
  workspaceId: string,
  selection: { featureIds?: readonly string[]; releaseIds?: readonly string[] },
) {
  const outside = await recordsOutsideWorkspace(deps.database.db, workspaceId, [
    ...(selection.releaseIds ?? []).map((id) => ({ kind: 'release' as const, id })),
    ...(selection.featureIds ?? []).map((id) => ({ kind: 'feature' as const, id })),
  ]);
  if (outside.length === 0) return;
  const names = outside.map((r) => `${r.kind} ${r.id}`).join(', ');
  throw new AppError(404, 'not_found', `Nothing was sent: no ${names} in this workspace`);
}

/** *Send to <integration>*: one feature, many, or a release; `dryRun` shows the plan first. */
export const sendRoutes = new Hono<AppEnv>().post(
  '/:integrationId/sends',
  requireWorkspaceRole('contributor'),
  rateLimitPerUser('send', 'sends'),
  validate('json', sendRequestSchema),
  async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    if (!isActiveIntegration(row.state)) {
      throw new AppError(
        409,
        'conflict',
        `${row.name} is ${row.state.replaceAll('_', ' ')}; it sends nothing until it is enabled`,
      );
    }
    const { dryRun, ...selection } = c.req.valid('json');
    await refuseRecordsOfOtherWorkspaces(deps, row.workspaceId, selection);
    try {
      if (dryRun) {
        const { plan, summary } = await previewSend(deps.sync.deps, row.id, selection);
        return c.json(await sendSummary(deps, row, null, plan, summary), 200);
      }
      const preview = await previewSend(deps.sync.deps, row.id, selection);
      if (preview.summary.blocked) {
        const summary = await sendSummary(deps, row, null, preview.plan, preview.summary);
        await logBlockedRecords(deps, row, preview.plan);
        throw new AppError(
          422,
          'validation_failed',
          `Nothing was sent: ${preview.summary.summary}`,
          {
            summary,
          },
        );
      }
      if (!row.accountLockedAt) {
        await integrationsRepository(deps.database.db).update(row.id, {
          accountLockedAt: deps.now().toISOString(),
        });
      }
      const result = await sendPlan(deps.sync.deps, preview.plan);
      deps.sync.worker.wake();
      await logUpToDate(deps, row, result.plan, selection);
      return c.json(await sendSummary(deps, row, result.batchId, result.plan, result.summary), 202);
    } catch (error) {
      // Not set up → 409; the remote refusing (e.g. its schema read for the check) → 502 with its words.
      throw remoteFailure(error, displayNameOf(row.system));
    }
  },
);
