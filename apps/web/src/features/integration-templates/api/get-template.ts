import { type IntegrationTemplate, integrationTemplateSchema } from '@tandem/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { templateKeys } from './get-templates';

export function getTemplate(templateId: string): Promise<IntegrationTemplate> {
  return api.read(
    api.rpc['integration-templates'][':templateId'].$get({ param: { templateId } }),
    integrationTemplateSchema,
  );
}

export const getTemplateQueryOptions = (templateId: string) =>
  queryOptions({
    queryKey: templateKeys.detail(templateId),
    queryFn: () => getTemplate(templateId),
  });

export function useTemplate(templateId: string) {
  return useQuery(getTemplateQueryOptions(templateId));
}
