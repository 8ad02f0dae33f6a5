import {
  type IntegrationSystem,
  type IntegrationTemplate,
  integrationTemplateSchema,
} from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { templateKeys } from './get-templates';

export interface CreateTemplateInput {
  system: IntegrationSystem;
  name: string;
  /** Copies that integration's settings, connection and certificate into the template. */
  fromIntegrationId?: string;
  /** The workspace that owns the template (others use it once it is shared with them). */
  workspaceId: string;
}

export function createTemplate(input: CreateTemplateInput): Promise<IntegrationTemplate> {
  return api.read(
    api.rpc['integration-templates'].$post({ json: input }),
    integrationTemplateSchema,
  );
}

export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all() }),
  });
}
