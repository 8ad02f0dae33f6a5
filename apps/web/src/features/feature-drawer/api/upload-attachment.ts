import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_MAX_BYTES,
  type Attachment,
  attachmentSchema,
  CSRF_HEADER,
  errorBodySchema,
} from '@tandem/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roadmapKeys } from '@/api/roadmap/keys';
import { env } from '@/config/env';
import { ApiError } from '@/lib/api-client';
import { featurePath } from './get-feature';

/** Why a file cannot be attached, checked before uploading (the BFF checks again). */
export function attachmentProblem(file: {
  name: string;
  size: number;
  type: string;
}): string | null {
  if (file.size > ATTACHMENT_MAX_BYTES) {
    return `${file.name} is ${formatBytes(file.size)}; attachments can be up to ${formatBytes(ATTACHMENT_MAX_BYTES)}.`;
  }
  if (!(ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(file.type)) {
    return `${file.name} is not a type Tandem accepts. Attach images, PDFs, text, CSV, ZIP or Office documents.`;
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/**
 * Multipart upload (field `file`). The shared client speaks JSON only, so this one request is
 * made here, with the same CSRF header and the same error shape.
 */
export async function uploadAttachment(
  workspaceId: string,
  featureId: string,
  file: File,
  csrfToken: string,
): Promise<Attachment> {
  const body = new FormData();
  body.set('file', file);
  let response: Response;
  try {
    response = await fetch(`${env.apiBaseUrl}${featurePath(workspaceId, featureId)}/attachments`, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { [CSRF_HEADER]: csrfToken, accept: 'application/json' },
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'The upload did not reach Tandem.',
    });
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(json);
    throw new ApiError({
      status: response.status,
      code: parsed.success ? parsed.data.error.code : 'internal',
      message: parsed.success
        ? parsed.data.error.message
        : `The upload failed (HTTP ${response.status}).`,
    });
  }
  return attachmentSchema.parse(json);
}

export function useUploadAttachment(workspaceId: string, featureId: string, csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadAttachment(workspaceId, featureId, file, csrfToken),
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: roadmapKeys.featureDetail(workspaceId, featureId),
      }),
  });
}
