import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { templateKeys } from './get-templates';

export function deleteTemplate(templateId: string): Promise<void> {
  return api.delete(`/integration-templates/${encodeURIComponent(templateId)}`);
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all() }),
  });
}
