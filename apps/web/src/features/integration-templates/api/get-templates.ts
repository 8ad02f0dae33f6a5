import { type IntegrationTemplate, integrationTemplateListSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export const templateKeys = {
  all: () => ['integration-templates'] as const,
  detail: (templateId: string) => ['integration-templates', 'detail', templateId] as const,
};

export async function getTemplates(): Promise<IntegrationTemplate[]> {
  const body = await api.read(
    api.rpc['integration-templates'].$get(),
    integrationTemplateListSchema,
  );
  return body.templates;
}

export const getTemplatesQueryOptions = () =>
  queryOptions({ queryKey: templateKeys.all(), queryFn: getTemplates });

export function useTemplates() {
  return useQuery(getTemplatesQueryOptions());
}
