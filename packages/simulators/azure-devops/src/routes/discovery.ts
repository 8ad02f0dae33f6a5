/** What the Node client asks before any call: OPTIONS on an area, ResourceAreas, connectionData. */
import { Hono } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { locationsOf, resourceAreas } from '../discovery/locations.ts';
import { SEED_IDS } from '../state/seed.ts';
import type { Ctx } from './helpers.ts';
import { collection } from './helpers.ts';

export function discoveryRoutes(_sim: Sim) {
  const app = new Hono<AppEnv>();
  app.options('/:org/_apis/:area', (c) => {
    const locations = locationsOf(c.req.param('area'));
    if (!locations) return c.json(collection([]), 404);
    return c.json(collection(locations));
  });
  const areas = (c: Ctx) => {
    const all = resourceAreas(c.get('orgUrl'));
    const id = c.req.param('areaId' as never) as string | undefined;
    return c.json(collection(id ? all.filter((a) => a.id === id.toLowerCase()) : all));
  };
  app.get('/:org/_apis/resourceareas', areas);
  app.get('/:org/_apis/resourceareas/:areaId', areas);
  app.get('/:org/_apis/connectiondata', (c) => {
    const { user } = c.get('principal');
    const identity = {
      id: user.id,
      descriptor: user.descriptor,
      subjectDescriptor: user.descriptor,
      providerDisplayName: user.displayName,
      isActive: true,
      properties: { Account: { $type: 'System.String', $value: user.uniqueName } },
    };
    return c.json({
      authenticatedUser: identity,
      authorizedUser: identity,
      instanceId: SEED_IDS.collectionId,
      deploymentId: SEED_IDS.collectionId,
      deploymentType: 'hosted',
      locationServiceData: {
        serviceOwner: '00025394-6065-48ca-87d9-7f5672854ef7',
        defaultAccessMappingMoniker: 'PublicAccessMapping',
        lastChangeId: 1,
        lastChangeId64: 1,
      },
    });
  });
  return app;
}
