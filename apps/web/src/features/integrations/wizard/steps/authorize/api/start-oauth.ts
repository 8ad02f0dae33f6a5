import { oauthStartSchema } from '@tandem/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** Where to send the browser to authorize; the system's answer comes back to the authorize step. */
export async function startOauth(workspaceId: string, integrationId: string): Promise<string> {
  const body = await api.read(
    api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].oauth.start.$post({
      param: { workspaceId, integrationId },
    }),
    oauthStartSchema,
  );
  return body.authorizationUrl;
}

export function useStartOauth(workspaceId: string, integrationId: string) {
  return useMutation({
    mutationFn: () => startOauth(workspaceId, integrationId),
    onSuccess: (url) => window.location.assign(url),
  });
}
