import { type IntegrationTemplate, integrationTemplateSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { templateKeys } from './get-templates';

/** Connects the template with an API key instead of the system's sign-in; the system is asked first. */
export function setTemplateApiKey(
  templateId: string,
  apiKey: string,
): Promise<IntegrationTemplate> {
  return api.read(
    api.rpc['integration-templates'][':templateId'].credentials['api-key'].$put({
      param: { templateId },
      json: { apiKey },
    }),
    integrationTemplateSchema,
  );
}

export function useSetTemplateApiKey(templateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apiKey: string) => setTemplateApiKey(templateId, apiKey),
    onSuccess: (saved) => {
      queryClient.setQueryData(templateKeys.detail(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: templateKeys.all() });
    },
  });
}
