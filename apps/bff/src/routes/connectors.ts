import type { ConnectorList } from '@tandem/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { requireSession } from '../middleware/session.ts';
import { CONNECTORS } from '../sync/connectors.ts';

/** The systems Tandem can integrate with, as the SPA shows them: the manifests' presentations. */
export const connectorRoutes = new Hono<AppEnv>().get('/', requireSession, (c) => {
  const connectors = Object.values(CONNECTORS).map((connector) => connector.manifest.presentation);
  return c.json({ connectors } satisfies ConnectorList, 200);
});
