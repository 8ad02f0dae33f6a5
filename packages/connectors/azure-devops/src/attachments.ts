/**
 * Attachments are uploaded bytes (`POST _apis/wit/attachments`) and an `AttachedFile` relation on
 * the work item pointing at them. A file already attached with the same name and size is not
 * uploaded again, so a re-send after a lost answer adds no duplicate.
 */
import type {
  AttachmentInput,
  ConnectorContext,
  RemoteAttachment,
  RemoteRef,
} from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import { AdoClient } from './client.ts';
import { readWorkItem } from './records.ts';
import type { AzureDevOpsConfig } from './spec.ts';
import type { Relation } from './work-item.ts';

/** Azure DevOps Services takes single uploads up to 130 MB; larger ones must be chunked. */
export const maxAttachmentBytes = 130_000_000;

type Ctx = ConnectorContext<AzureDevOpsConfig>;

function toAttachment(relation: Relation): RemoteAttachment {
  const attributes = relation.attributes ?? {};
  const id = /\/attachments\/([^/?]+)/i.exec(relation.url)?.[1] ?? relation.url;
  return {
    id,
    fileName: String(attributes.name ?? ''),
    size: Number(attributes.resourceSize ?? 0),
    url: relation.url,
  };
}

export async function uploadAttachment(
  ctx: Ctx,
  ref: RemoteRef,
  file: AttachmentInput,
): Promise<RemoteAttachment> {
  if (file.data.byteLength > maxAttachmentBytes) {
    const message = `${file.fileName} is larger than Azure DevOps's 130 MB attachment limit`;
    throw new RemoteError('validation', message, {
      retryable: false,
      fieldErrors: [{ field: 'AttachedFile', message }],
    });
  }
  const api = new AdoClient(ctx);
  const item = await readWorkItem(api, ref.id, 'uploadAttachment.read');
  const existing = (item.relations ?? [])
    .filter((r) => r.rel === 'AttachedFile')
    .map(toAttachment)
    .find((a) => a.fileName === file.fileName && a.size === file.data.byteLength);
  if (existing) return existing;

  const project = encodeURIComponent(
    String(item.fields?.['System.TeamProject'] ?? ctx.config.workspaceId),
  );
  const uploaded = await api.json<{ id: string; url: string }>(
    'POST',
    `/${project}/_apis/wit/attachments`,
    'uploadAttachment',
    {
      query: { fileName: file.fileName },
      // An upload is harmless to repeat: an unreferenced upload is never shown.
      idempotent: true,
      contentType: 'application/octet-stream',
      body: file.data,
    },
  );
  const relation: Relation = {
    rel: 'AttachedFile',
    url: uploaded.url,
    attributes: { comment: '', name: file.fileName, resourceSize: file.data.byteLength },
  };
  await api.json('PATCH', `/_apis/wit/workitems/${encodeURIComponent(ref.id)}`, 'attachFile', {
    json: [
      { op: 'test', path: '/rev', value: item.rev },
      {
        op: 'add',
        path: '/relations/-',
        value: { rel: relation.rel, url: relation.url, attributes: { comment: '' } },
      },
    ],
    contentType: 'application/json-patch+json',
  });
  return { ...toAttachment(relation), id: uploaded.id };
}
