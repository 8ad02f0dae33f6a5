import { Send } from 'lucide-react';
import { useState } from 'react';
import type { SendItem } from '../utils/send-progress';
import { BulkSendDialog, type LogHref } from './bulk-send-dialog';

/** *Send to…* in the board's selection bar: opens the bulk send for the selected features. */
export function BulkSendButton({
  workspaceId,
  features,
  onFinished,
  logHref,
}: {
  workspaceId: string;
  features: readonly SendItem[];
  onFinished: () => void;
  logHref: LogHref;
}) {
  const [open, setOpen] = useState<readonly SendItem[] | null>(null);
  const count = features.length;
  return (
    <>
      <button
        type="button"
        disabled={count === 0}
        onClick={() => setOpen(features)}
        className="inline-flex h-8 items-center gap-1.5 rounded-lg px-3 text-[13px] font-medium text-zinc-100 hover:bg-white/10 disabled:opacity-50"
      >
        <Send className="size-3.5" aria-hidden="true" />
        Send to…
      </button>
      {open ? (
        <BulkSendDialog
          workspaceId={workspaceId}
          title={`Send ${open.length} feature${open.length === 1 ? '' : 's'}`}
          selection={{ featureIds: open.map((f) => f.id) }}
          items={open}
          onClose={() => setOpen(null)}
          onFinished={() => {
            setOpen(null);
            onFinished();
          }}
          logHref={logHref}
        />
      ) : null}
    </>
  );
}
