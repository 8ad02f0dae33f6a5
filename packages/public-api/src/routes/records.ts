/** Reading records: a feature with its requirements, a release; each with its integration fields. */
import { getFeatureDetail, getIntegrationFields, listReleases } from '@tandem/roadmap';
import { z } from 'zod';
import { PublicApiError } from '../errors.ts';
import { idParam, publicFeatureSchema, publicReleaseSchema } from '../schemas.ts';
import { defineRoute } from './define-route.ts';

export const getFeature = defineRoute({
  method: 'get',
  path: '/features/{featureId}',
  operationId: 'getFeature',
  summary: 'A feature (by id or reference number) with its requirements and integration fields',
  scope: 'read',
  params: z.object({ featureId: idParam }),
  status: 200,
  response: publicFeatureSchema,
  async handle({ params, token, deps }) {
    const detail = await getFeatureDetail(deps.db.db, token.workspaceId, params.featureId);
    const { attachments: _attachments, ...feature } = detail;
    return feature;
  },
});

export const getRelease = defineRoute({
  method: 'get',
  path: '/releases/{releaseId}',
  operationId: 'getRelease',
  summary: 'A release with its integration fields',
  scope: 'read',
  params: z.object({ releaseId: idParam }),
  status: 200,
  response: publicReleaseSchema,
  async handle({ params, token, deps }) {
    const release = (await listReleases(deps.db.db, token.workspaceId)).find(
      (r) => r.id === params.releaseId,
    );
    if (!release) throw new PublicApiError(404, 'not_found', 'Release not found');
    return {
      ...release,
      integrationFields: await getIntegrationFields(deps.db.db, 'release', release.id),
    };
  },
});
