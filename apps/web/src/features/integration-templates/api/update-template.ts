import {
  type IntegrationSettings,
  type IntegrationTemplate,
  integrationTemplateSchema,
} from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { templateKeys } from './get-templates';

export interface TemplateChange {
  name?: string;
  settings?: IntegrationSettings;
}

/** A change here reaches every integration made from the template. */
export function updateTemplate(
  template: IntegrationTemplate,
  change: TemplateChange,
): Promise<IntegrationTemplate> {
  return api.read(
    api.rpc['integration-templates'][':templateId'].$patch({
      param: { templateId: template.id },
      json: { version: template.version, ...change },
    }),
    integrationTemplateSchema,
  );
}

export function useUpdateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ template, change }: { template: IntegrationTemplate; change: TemplateChange }) =>
      updateTemplate(template, change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: templateKeys.all() }),
  });
}
