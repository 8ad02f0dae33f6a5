import { TriangleAlert } from 'lucide-react';
import { useSystemName } from '@/api/connectors/get-connectors';
import { type LinkedRecordType, useRecordLinks } from '@/api/integrations/get-record-links';
import { Button } from '@/components/ui/button';

/** The id of a link's conflict panel, so a notice elsewhere on the page can lead to it. */
export const conflictPanelId = (recordId: string, integrationId: string) =>
  `link-conflict-${recordId}-${integrationId}`;

const listed = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

/**
 * A line at the top of a record's page while it is in conflict with an integration, so the
 * choice further down (under Integrations) is not missed; "Review" scrolls to it.
 */
export function RecordConflictNotice({
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
  const conflicts = (links.data ?? []).filter((l) => l.state === 'conflict');
  const first = conflicts[0];
  if (!first) return null;
  const fields = [...new Set(conflicts.flatMap((l) => (l.conflict ?? []).map((f) => f.label)))];
  const systems = listed([...new Set(conflicts.map((l) => systemName(l.system)))]);
  const review = () => {
    const panel = document.getElementById(conflictPanelId(recordId, first.integrationId));
    panel?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    panel?.querySelector('button')?.focus({ preventScroll: true });
  };
  return (
    <div
      role="status"
      className="mx-6 mt-3 flex items-center gap-3 rounded-lg border border-amber-200 bg-amber-50 px-3.5 py-2 text-[13px]"
    >
      <TriangleAlert className="size-4 shrink-0 text-amber-600" aria-hidden="true" />
      <p className="min-w-0 flex-1 text-amber-900">
        <span className="font-medium">
          {fields.length > 0 ? listed(fields) : 'Some fields'} changed in Tandem and in {systems}.
        </span>{' '}
        Choose which to keep.
      </p>
      <Button size="sm" onClick={review}>
        Review
      </Button>
    </div>
  );
}
