import { type Integration, integrationSchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { integrationAdminKeys } from './keys';

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
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId']['client-certificate'].$put({
      param: { workspaceId, integrationId },
      json: input,
    }),
    integrationSchema,
  );
}

export function removeClientCertificate(
  workspaceId: string,
  integrationId: string,
): Promise<Integration> {
  return api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId']['client-certificate'].$delete(
      { param: { workspaceId, integrationId } },
    ),
    integrationSchema,
  );
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
