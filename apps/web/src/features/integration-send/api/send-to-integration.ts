import { type SendSummary, sendSummarySchema } from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { integrationKeys } from '@/api/integrations/keys';
import { ApiError, api, isApiError } from '@/lib/api-client';

export interface SendSelection {
  featureIds?: string[];
  releaseIds?: string[];
}

export interface SendInput extends SendSelection {
  integrationId: string;
  dryRun?: boolean;
}

/** A plan the BFF refused to start (422): the summary's warnings say why. */
export class SendBlockedError extends Error {
  override readonly name = 'SendBlockedError';
  readonly summary: SendSummary;
  constructor(summary: SendSummary) {
    super(summary.summary || 'Nothing was sent: the plan is blocked');
    this.summary = summary;
  }
}

/**
 * `POST …/integrations/:id/sends`: the plan only (`dryRun`, 200) or the send started (202).
 * A blocked plan answers 422 with a summary the error path cannot carry, so the dry run is asked
 * for once more to explain it (nothing was sent either way).
 */
export async function sendToIntegration(
  workspaceId: string,
  { integrationId, dryRun = false, ...selection }: SendInput,
): Promise<SendSummary> {
  const call = (dry: boolean) =>
    api.read(
      api.rpc.workspaces[':workspaceId'].integrations[':integrationId'].sends.$post({
        param: { workspaceId, integrationId },
        json: { ...selection, dryRun: dry },
      }),
      sendSummarySchema,
    );
  try {
    return await call(dryRun);
  } catch (error) {
    if (!dryRun && isApiError(error) && error.status === 422) {
      const plan = await call(true);
      throw new SendBlockedError({ ...plan, blocked: true });
    }
    throw error;
  }
}

/** The message to show when a send did not start. */
export function sendErrorMessage(error: unknown): string {
  if (error instanceof SendBlockedError) {
    const first = error.summary.warnings.find((w) => w.severity === 'error');
    return first ? `${first.referenceNum}: ${first.message}` : error.message;
  }
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return 'The send could not start';
}

/** Sends and refreshes the links of what was sent, so chips show "Sending…" at once. */
export function useSendToIntegration(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendInput) => sendToIntegration(workspaceId, input),
    onSettled: (_data, _error, input) => {
      if (input.dryRun) return;
      const ids = [...(input.featureIds ?? []), ...(input.releaseIds ?? [])];
      if (ids.length > 50) return;
      for (const id of input.featureIds ?? [])
        void queryClient.invalidateQueries({
          queryKey: integrationKeys.recordLinks(workspaceId, 'feature', id),
        });
      for (const id of input.releaseIds ?? [])
        void queryClient.invalidateQueries({
          queryKey: integrationKeys.recordLinks(workspaceId, 'release', id),
        });
    },
  });
}
