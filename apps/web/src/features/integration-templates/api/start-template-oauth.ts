import { oauthStartSchema } from '@tandem/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/**
 * Where to send the browser to authorize the template; the system's answer comes back to the
 * template's page in this workspace.
 */
export async function startTemplateOauth(templateId: string, workspaceId: string): Promise<string> {
  const body = await api.read(
    api.rpc['integration-templates'][':templateId'].oauth.start.$post({
      param: { templateId },
      json: { workspaceId },
    }),
    oauthStartSchema,
  );
  return body.authorizationUrl;
}

export function useStartTemplateOauth(templateId: string, workspaceId: string) {
  return useMutation({
    mutationFn: () => startTemplateOauth(templateId, workspaceId),
    onSuccess: (url) => window.location.assign(url),
  });
}
