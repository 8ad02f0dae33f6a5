import { Send } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { SendItem } from '../utils/send-progress';
import { BulkSendDialog, type LogHref } from './bulk-send-dialog';

/** *Send release*: the release and every feature in it, with the plan first and live progress. */
export function SendReleaseButton({
  workspaceId,
  release,
  features,
  logHref,
}: {
  workspaceId: string;
  release: { id: string; name: string; referenceNum: string };
  features: readonly SendItem[];
  logHref: LogHref;
}) {
  const [open, setOpen] = useState(false);
  const items: SendItem[] = [
    {
      id: release.id,
      referenceNum: release.referenceNum,
      name: release.name,
      recordType: 'release',
    },
    ...features,
  ];
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        onClick={() => setOpen(true)}
        aria-label={`Send release ${release.name}`}
      >
        <Send className="size-3.5" aria-hidden="true" />
        Send
      </Button>
      {open ? (
        <BulkSendDialog
          workspaceId={workspaceId}
          title={`Send release ${release.name}`}
          selection={{ releaseIds: [release.id] }}
          items={items}
          onClose={() => setOpen(false)}
          logHref={logHref}
        />
      ) : null}
    </>
  );
}
