/** Adding a requirement to a feature, as the token's owner (or the integration it belongs to). */
import { createRequirement, integrationContext, userContext } from '@tandem/roadmap';
import { z } from 'zod';
import { PublicApiError } from '../errors.ts';
import { addRequirementSchema, idParam, publicRequirementSchema } from '../schemas.ts';
import { defineRoute } from './define-route.ts';

export const addRequirement = defineRoute({
  method: 'post',
  path: '/features/{featureId}/requirements',
  operationId: 'addRequirement',
  summary: 'Adds a requirement to a feature',
  scope: 'write',
  params: z.object({ featureId: idParam }),
  body: addRequirementSchema,
  status: 201,
  response: publicRequirementSchema,
  handle({ params, body, token, deps }) {
    if (!token.integrationId && !token.createdBy) {
      throw new PublicApiError(403, 'forbidden', 'The person this token belonged to is gone');
    }
    const ctx = token.integrationId
      ? integrationContext(token.integrationId, deps.now())
      : userContext(token.createdBy as string, deps.now());
    return createRequirement(deps.db, ctx, token.workspaceId, params.featureId, body);
  },
});
