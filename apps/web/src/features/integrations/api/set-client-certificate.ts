import { type Integration, integrationSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys, integrationsPath } from './keys';

export interface ClientCertificateInput {
  privateKeyPem: string;
  certificatePem: string;
}

/** Stores a private key and certificate for mutual TLS; the server checks that they pair. */
export function setClientCertificate(
  workspaceId: string,
  integrationId: string,
  input: ClientCertificateInput,
): Promise<Integration> {
  return api.put(
    `${integrationsPath(workspaceId, integrationId)}/client-certificate`,
    input,
    integrationSchema,
  );
}

export function removeClientCertificate(workspaceId: string, integrationId: string): Promise<void> {
  return api.delete(`${integrationsPath(workspaceId, integrationId)}/client-certificate`);
}

export function useSetClientCertificate(workspaceId: string, integrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ClientCertificateInput | null) => {
      if (input) await setClientCertificate(workspaceId, integrationId, input);
      else await removeClientCertificate(workspaceId, integrationId);
    },
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: integrationAdminKeys.all(workspaceId) }),
  });
}
