import type { RecordLink } from '@tandem/contracts';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { useSystemList } from '@/api/connectors/get-connectors';
import { type LinkedRecordType, useRecordLinks } from '@/api/integrations/get-record-links';
import { SystemMark } from '@/components/connectors/system-mark';
import { Spinner } from '@/components/ui/spinner';
import { linkView } from '../utils/link-view';
import { LinkApproval } from './link-approval';
import { LinkChip } from './link-chip';
import { LinkConflict } from './link-conflict';
import { LinkError } from './link-error';

/**
 * A record's link to each integration of the workspace: the remote id as a chip once linked,
 * "Sending…" while the engine works, the error with a way to its log entry when it failed, and
 * the fields changed on both sides with the choice between them, and the changes waiting for
 * approval with Approve / Reject. Kept live by `useLiveLinks`.
 */
export function RecordLinks({
  workspaceId,
  recordType,
  recordId,
  logHref,
  canResolve = false,
}: {
  workspaceId: string;
  recordType: LinkedRecordType;
  recordId: string;
  /** Where the log entry of a failed send is; null hides the link (e.g. for viewers). */
  logHref: (link: RecordLink) => string | null;
  /** Whether the viewer may settle a conflict or approve changes (contributors and owners). */
  canResolve?: boolean;
}) {
  const links = useRecordLinks(workspaceId, recordType, recordId);
  const systems = useSystemList();
  if (links.isPending) {
    return (
      <div className="flex h-12 items-center px-1">
        <Spinner className="text-zinc-400" label="Loading links" />
      </div>
    );
  }
  if (links.error) {
    return (
      <p className="text-[13px] text-red-700">Links could not be loaded: {links.error.message}</p>
    );
  }
  if (links.data.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-zinc-300 px-3.5 py-3">
        <p className="text-[13px] font-medium text-zinc-700">Not linked to any integration yet</p>
        <p className="text-[12px] text-zinc-500">
          {`Once the workspace is connected to ${systems}, send it from here.`}
        </p>
      </div>
    );
  }
  return (
    <ul aria-label="Links" className="divide-y divide-zinc-100 rounded-lg border border-zinc-200">
      {links.data.map((link) => (
        <LinkRow key={link.integrationId} link={link} logHref={logHref(link)}>
          {link.state === 'conflict' ? (
            <LinkConflict
              workspaceId={workspaceId}
              recordType={recordType}
              recordId={recordId}
              link={link}
              canResolve={canResolve}
            />
          ) : null}
          {link.state === 'awaiting_approval' ? (
            <LinkApproval
              workspaceId={workspaceId}
              recordType={recordType}
              recordId={recordId}
              link={link}
              canDecide={canResolve}
            />
          ) : null}
        </LinkRow>
      ))}
    </ul>
  );
}

function LinkRow({
  link,
  logHref,
  children,
}: {
  link: RecordLink;
  logHref: string | null;
  children?: ReactNode;
}) {
  const view = linkView(link);
  return (
    <li className="px-3 py-2.5" aria-label={link.integrationName}>
      <div className="flex items-center gap-3">
        <SystemMark system={link.system} />
        <div className="min-w-0 flex-1">
          <p className="truncate text-[13px] font-medium text-zinc-800">{link.integrationName}</p>
          <p
            className={clsx(
              'flex items-center gap-1.5 text-[12px]',
              view.tone === 'failed'
                ? 'text-red-700'
                : view.tone === 'attention'
                  ? 'text-amber-800'
                  : 'text-zinc-500',
            )}
            aria-live="polite"
          >
            {view.tone === 'busy' ? <Spinner className="size-3 text-accent-600" /> : null}
            {view.tone === 'linked' || view.tone === 'attention' ? (
              <span
                aria-hidden="true"
                className={clsx(
                  'size-1.5 rounded-full',
                  view.tone === 'linked' ? 'bg-emerald-500' : 'bg-amber-500',
                )}
              />
            ) : null}
            {view.label}
          </p>
        </div>
        {link.formattedId ? (
          <LinkChip formattedId={link.formattedId} url={link.url} system={link.system} />
        ) : null}
      </div>
      {view.tone === 'busy' ? (
        <div
          role="progressbar"
          aria-label={view.label}
          className="mt-2 h-1 overflow-hidden rounded-full bg-zinc-100"
        >
          <div className="h-full w-1/3 animate-progress-slide rounded-full bg-accent-500" />
        </div>
      ) : null}
      {view.tone === 'failed' ? (
        <LinkError
          integrationName={link.integrationName}
          message={link.lastError}
          logHref={logHref}
        />
      ) : null}
      {children}
    </li>
  );
}
