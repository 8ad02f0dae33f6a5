import type { ImportCandidateView } from '@tandem/contracts';
import { importCandidatesRepository } from '@tandem/storage';
import { dismissCandidate, importCandidate, toCandidateView } from '@tandem/sync-engine/runner';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { loadIntegration } from '../integrations/integration-service.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/**
 * New remote records waiting while *Automatically import new records* is off: the owner lists
 * them and imports or dismisses each.
 */
export const importCandidateRoutes = new Hono<AppEnv>()
  .get('/:integrationId/import-candidates', requireWorkspaceRole('owner'), async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    const candidates: ImportCandidateView[] = (
      await importCandidatesRepository(deps.database.db).listOpen(row.id)
    ).map(toCandidateView);
    return c.json({ candidates }, 200);
  })
  .post(
    '/:integrationId/import-candidates/:remoteId/import',
    requireWorkspaceRole('owner'),
    async (c) => {
      const deps = c.var.deps;
      const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
      const imported = await importCandidate(
        deps,
        row,
        c.req.param('remoteId'),
        c.var.session!.user,
      );
      return c.json(imported, 201);
    },
  )
  .post(
    '/:integrationId/import-candidates/:remoteId/dismiss',
    requireWorkspaceRole('owner'),
    async (c) => {
      const deps = c.var.deps;
      const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
      await dismissCandidate(deps, row, c.req.param('remoteId'), c.var.session!.user);
      return c.body(null, 204);
    },
  );
