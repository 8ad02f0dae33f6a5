import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { connectIntegration, loadIntegration } from '../integrations/integration-service.ts';
import { callRemote } from '../integrations/remote-failure.ts';
import { chosenScope } from '../integrations/remote-schema.ts';
import { validate } from '../lib/validate.ts';
import { requireWorkspaceRole } from '../middleware/workspace-role.ts';

const typeQuery = z.object({ type: z.string().trim().min(1, 'Name the record type') });
const workspaceQuery = z.object({ workspaceId: z.string().trim().min(1).optional() });

/**
 * What the connected remote user can see, for the wizard's pickers: workspaces, the project
 * tree, record types, and a type's fields and states. Remote failures are 502 with the remote's
 * message; an authorization the remote no longer accepts is 409 (re-authorize).
 */
export const remoteDiscoveryRoutes = new Hono<AppEnv>()
  .get('/:integrationId/remote/workspaces', requireWorkspaceRole('owner'), async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    const { connector, context } = await connectIntegration(deps, row);
    const workspaces = await callRemote(connector, () => connector.listWorkspaces(context));
    return c.json({ workspaces: workspaces.map((w) => ({ id: w.id, name: w.name })) }, 200);
  })
  .get(
    '/:integrationId/remote/projects',
    requireWorkspaceRole('owner'),
    validate('query', workspaceQuery),
    async (c) => {
      const deps = c.var.deps;
      const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
      const connection = await connectIntegration(deps, row);
      const scope = chosenScope(connection, c.req.valid('query').workspaceId);
      const projects = await callRemote(connection.connector, () =>
        connection.connector.listProjects(connection.context, scope.workspaceId),
      );
      return c.json({ projects }, 200);
    },
  )
  .get('/:integrationId/remote/record-types', requireWorkspaceRole('owner'), async (c) => {
    const deps = c.var.deps;
    const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
    const connection = await connectIntegration(deps, row);
    const types = await callRemote(connection.connector, () =>
      connection.connector.listRecordTypes(connection.context, chosenScope(connection)),
    );
    return c.json(
      { types: types.map((t) => ({ id: t.id, label: t.label, parentTypes: t.parentTypes })) },
      200,
    );
  })
  .get(
    '/:integrationId/remote/fields',
    requireWorkspaceRole('owner'),
    validate('query', typeQuery),
    async (c) => {
      const deps = c.var.deps;
      const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
      const connection = await connectIntegration(deps, row);
      const fields = await callRemote(connection.connector, () =>
        connection.connector.listFields(
          connection.context,
          chosenScope(connection),
          c.req.valid('query').type,
        ),
      );
      return c.json({ fields }, 200);
    },
  )
  .get(
    '/:integrationId/remote/states',
    requireWorkspaceRole('owner'),
    validate('query', typeQuery),
    async (c) => {
      const deps = c.var.deps;
      const row = await loadIntegration(deps, c.var.workspace.id, c.req.param('integrationId'));
      const connection = await connectIntegration(deps, row);
      const states = await callRemote(connection.connector, () =>
        connection.connector.listStates(
          connection.context,
          chosenScope(connection),
          c.req.valid('query').type,
        ),
      );
      return c.json({ states }, 200);
    },
  );
