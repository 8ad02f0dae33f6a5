import type { Workflow } from '@tandem/contracts';
import { ensureWorkflows, listWorkflows } from '@tandem/roadmap';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { actionContext } from '../lib/action-context.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

export const workflowRoutes = new Hono<AppEnv>().get(
  '/',
  requireWorkspaceRole('viewer'),
  async (c) => {
    const { database } = c.var.deps;
    // A workspace gets its default workflows the first time anyone looks at them.
    await ensureWorkflows(database, actionContext(c), c.var.workspace.id);
    const workflows: Workflow[] = await listWorkflows(database.db, c.var.workspace.id);
    return c.json({ workflows }, 200);
  },
);
