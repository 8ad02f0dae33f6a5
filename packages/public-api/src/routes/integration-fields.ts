/**
 * Writing integration fields (what a service stores on a record, the seed's
 * `create_integration_fields`): written as the integration, so the engine does not send the
 * change back. The record and the integration must both belong to the token's workspace.
 */
import type { RecordType } from '@tandem/contracts';
import {
  getIntegrationFields,
  integrationContext,
  setIntegrationFields,
  workspaceOfRecord,
} from '@tandem/roadmap';
import { z } from 'zod';
import { PublicApiError } from '../errors.ts';
import {
  idParam,
  integrationFieldsAnswerSchema,
  integrationFieldsWriteSchema,
  recordCollectionSchema,
} from '../schemas.ts';
import { defineRoute } from './define-route.ts';

const RECORD_TYPE: Record<z.infer<typeof recordCollectionSchema>, RecordType> = {
  features: 'feature',
  releases: 'release',
  requirements: 'requirement',
};

export const putIntegrationFields = defineRoute({
  method: 'put',
  path: '/{collection}/{recordId}/integrations/{integrationId}/fields',
  operationId: 'putIntegrationFields',
  summary: "Sets some of a record's integration fields for one integration (null removes a key)",
  scope: 'write',
  params: z.object({
    collection: recordCollectionSchema,
    recordId: idParam,
    integrationId: idParam,
  }),
  body: integrationFieldsWriteSchema,
  status: 200,
  response: integrationFieldsAnswerSchema,
  async handle({ params, body, token, deps }) {
    const recordType = RECORD_TYPE[params.collection];
    const owner = await workspaceOfRecord(deps.db.db, { kind: recordType, id: params.recordId });
    if (owner !== token.workspaceId) throw new PublicApiError(404, 'not_found', 'Record not found');
    const integration = await deps.db.db
      .selectFrom('integrations')
      .select('workspace_id')
      .where('id', '=', params.integrationId)
      .executeTakeFirst();
    if (integration?.workspace_id !== token.workspaceId)
      throw new PublicApiError(404, 'not_found', 'Integration not found');
    if (token.integrationId && token.integrationId !== params.integrationId) {
      throw new PublicApiError(
        403,
        'forbidden',
        'This token writes only its own integration’s fields',
      );
    }
    await setIntegrationFields(deps.db, integrationContext(params.integrationId, deps.now()), {
      integrationId: params.integrationId,
      recordType,
      recordId: params.recordId,
      fields: body.fields,
    });
    const all = await getIntegrationFields(deps.db.db, recordType, params.recordId);
    return { fields: all[params.integrationId] ?? {} };
  },
});
