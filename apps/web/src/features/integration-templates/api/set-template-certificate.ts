import { type IntegrationTemplate, integrationTemplateSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { templateKeys } from './get-templates';

export interface CertificateInput {
  privateKeyPem: string;
  certificatePem: string;
}

/** Set once on the template, used by every integration made from it. */
export function setTemplateCertificate(
  templateId: string,
  input: CertificateInput | null,
): Promise<IntegrationTemplate> {
  const route = api.rpc['integration-templates'][':templateId']['client-certificate'];
  const param = { templateId };
  return api.read(
    input ? route.$put({ param, json: input }) : route.$delete({ param }),
    integrationTemplateSchema,
  );
}

export function useSetTemplateCertificate(templateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CertificateInput | null) => setTemplateCertificate(templateId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all() }),
  });
}
