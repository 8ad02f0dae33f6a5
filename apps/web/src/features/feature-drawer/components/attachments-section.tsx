import { ATTACHMENT_CONTENT_TYPES, type Attachment } from '@tandem/contracts';
import { Download, FileText, Image, Paperclip, Trash2, Upload } from 'lucide-react';
import { type ChangeEvent, useRef } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import { useDeleteAttachment } from '../api/delete-attachment';
import { attachmentProblem, formatBytes, useUploadAttachment } from '../api/upload-attachment';
import { SectionHeading } from './section-heading';

/** Files attached to the feature: upload (checked here and on the server), download, delete. */
export function AttachmentsSection({
  workspaceId,
  featureId,
  attachments,
  csrfToken,
  disabled,
}: {
  workspaceId: string;
  featureId: string;
  attachments: readonly Attachment[];
  csrfToken: string;
  disabled: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadAttachment(workspaceId, featureId, csrfToken);
  const remove = useDeleteAttachment(workspaceId, featureId);

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    for (const file of files) {
      const problem = attachmentProblem(file);
      if (problem) {
        toast('File not attached', { tone: 'error', description: problem });
        continue;
      }
      upload.mutate(file, {
        onError: (error) =>
          toast(`${file.name} was not attached`, { tone: 'error', description: error.message }),
      });
    }
  };

  return (
    <section aria-labelledby={`${featureId}-attachments`}>
      <SectionHeading
        id={`${featureId}-attachments`}
        icon={Paperclip}
        count={attachments.length > 0 ? String(attachments.length) : undefined}
        action={
          disabled ? null : (
            <button
              type="button"
              onClick={() => input.current?.click()}
              disabled={upload.isPending}
              className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-[12px] font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
            >
              {upload.isPending ? (
                <Spinner className="size-3.5" />
              ) : (
                <Upload className="size-3.5" aria-hidden="true" />
              )}
              Upload
            </button>
          )
        }
      >
        Attachments
      </SectionHeading>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Attach files"
        accept={ATTACHMENT_CONTENT_TYPES.join(',')}
        onChange={onFiles}
      />
      {attachments.length === 0 ? (
        <p className="px-1.5 text-[13px] text-zinc-500">
          No files attached. Images, PDFs and Office documents up to 10 MB.
        </p>
      ) : (
        <ul className="grid gap-1.5 sm:grid-cols-2">
          {attachments.map((a) => {
            const Icon = a.contentType.startsWith('image/') ? Image : FileText;
            return (
              <li
                key={a.id}
                className="group/att flex items-center gap-2.5 rounded-lg border border-zinc-200 px-2.5 py-2"
              >
                <Icon className="size-4 shrink-0 text-zinc-400" aria-hidden="true" />
                <div className="min-w-0 flex-1">
                  <a
                    href={a.downloadUrl}
                    download={a.fileName}
                    className="block truncate text-[13px] font-medium text-zinc-800 hover:underline"
                  >
                    {a.fileName}
                  </a>
                  <p className="text-[11px] text-zinc-500">{formatBytes(a.size)}</p>
                </div>
                <a
                  href={a.downloadUrl}
                  download={a.fileName}
                  aria-label={`Download ${a.fileName}`}
                  className="flex size-7 items-center justify-center rounded-md text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
                >
                  <Download className="size-3.5" aria-hidden="true" />
                </a>
                {disabled ? null : (
                  <button
                    type="button"
                    aria-label={`Delete ${a.fileName}`}
                    onClick={() => remove.mutate(a.id)}
                    className="flex size-7 items-center justify-center rounded-md text-zinc-400 hover:bg-red-50 hover:text-red-600"
                  >
                    <Trash2 className="size-3.5" aria-hidden="true" />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
