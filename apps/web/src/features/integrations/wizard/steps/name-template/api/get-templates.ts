import { type IntegrationTemplate, integrationTemplateListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from '../../../../api/keys';

/** The account's integration templates, offered on the name step. */
export async function getTemplates(): Promise<IntegrationTemplate[]> {
  const body = await api.read(
    api.rpc['integration-templates'].$get(),
    integrationTemplateListSchema,
  );
  return body.templates;
}

export const getTemplatesQueryOptions = () =>
  queryOptions({ queryKey: integrationAdminKeys.templates(), queryFn: getTemplates });

export function useTemplates() {
  return useQuery(getTemplatesQueryOptions());
}
