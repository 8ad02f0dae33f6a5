import type { Workflow } from '@tandem/contracts';
import { listWorkflows } from '@tandem/roadmap';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

/** A workspace's workflows; they are made with the workspace (a GET never writes). */
export const workflowRoutes = new Hono<AppEnv>().get(
  '/',
  requireWorkspaceRole('viewer'),
  async (c) => {
    const workflows: Workflow[] = await listWorkflows(c.var.deps.database.db, c.var.workspace.id);
    return c.json({ workflows }, 200);
  },
);
