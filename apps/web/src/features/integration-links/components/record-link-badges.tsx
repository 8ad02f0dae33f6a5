import { CircleAlert } from 'lucide-react';
import { useSystemName } from '@/api/connectors/get-connectors';
import { type LinkedRecordType, useRecordLinks } from '@/api/integrations/get-record-links';
import { Spinner } from '@/components/ui/spinner';
import { linkView } from '../utils/link-view';
import { LinkChip } from './link-chip';

/**
 * A record's links in a row of a list (e.g. a release on the releases page): the chip of each
 * linked integration, a spinner while sending, a red mark when the last send failed.
 */
export function RecordLinkBadges({
  workspaceId,
  recordType,
  recordId,
}: {
  workspaceId: string;
  recordType: LinkedRecordType;
  recordId: string;
}) {
  const links = useRecordLinks(workspaceId, recordType, recordId);
  const systemName = useSystemName();
  return (
    <span className="inline-flex items-center gap-1">
      {(links.data ?? []).map((link) => {
        const view = linkView(link);
        if (link.formattedId)
          return (
            <LinkChip
              key={link.integrationId}
              formattedId={link.formattedId}
              url={link.url}
              system={link.system}
              // A release may have no id of its own there: its "id" is the name the row shows already.
              label={recordType === 'release' ? `In ${systemName(link.system)}` : undefined}
            />
          );
        if (view.tone === 'busy')
          return (
            <Spinner key={link.integrationId} className="text-accent-600" label={view.label} />
          );
        if (view.tone === 'failed')
          return (
            <span
              key={link.integrationId}
              role="img"
              title={link.lastError ?? view.label}
              aria-label={`Could not send to ${link.integrationName}`}
            >
              <CircleAlert className="size-4 text-red-600" aria-hidden="true" />
            </span>
          );
        return null;
      })}
    </span>
  );
}
