import type { Feature } from '@tandem/contracts';
import { Link as LinkIcon, MoreHorizontal, Trash2, X } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Menu, MenuButton, MenuItem, MenuList, MenuSeparator } from '@/components/ui/menu';
import { toast } from '@/components/ui/toast';
import { useDeleteFeature } from '../api/delete-feature';
import type { AutosaveState } from '../utils/autosave';
import { SaveIndicator } from './save-indicator';

/** The reference, the save state, more actions and the close button. */
export function DrawerHeader({
  workspaceId,
  feature,
  state,
  canDelete,
  action,
  onClose,
  onDeleted,
}: {
  workspaceId: string;
  feature: Feature;
  state: AutosaveState;
  canDelete: boolean;
  /** The send control ("Send to …", "In <system> — up to date"), composed by the page. */
  action?: ReactNode;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteFeature(workspaceId);

  return (
    <header className="flex min-h-12 shrink-0 items-center gap-3 border-b border-zinc-100 px-4 py-1.5">
      <span className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-[12px] font-medium text-zinc-600 tabular-nums">
        {feature.referenceNum}
      </span>
      <SaveIndicator state={state} />
      <div className="ml-auto flex min-w-0 items-center gap-1">
        {action}
        <Menu>
          <MenuButton
            aria-label="More actions"
            className="flex size-8 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
          >
            <MoreHorizontal className="size-4" aria-hidden="true" />
          </MenuButton>
          <MenuList placement="bottom-end">
            <MenuItem
              icon={<LinkIcon className="size-4 text-zinc-400" aria-hidden="true" />}
              onSelect={() => {
                void navigator.clipboard?.writeText(window.location.href.split('?')[0] ?? '');
                toast('Link copied', { tone: 'success' });
              }}
            >
              Copy link
            </MenuItem>
            {canDelete ? (
              <>
                <MenuSeparator />
                <MenuItem
                  className="text-red-600 focus:text-red-700"
                  icon={<Trash2 className="size-4" aria-hidden="true" />}
                  onSelect={() => setConfirming(true)}
                >
                  Delete feature
                </MenuItem>
              </>
            ) : null}
          </MenuList>
        </Menu>
        <button
          type="button"
          aria-label="Close"
          onClick={onClose}
          className="flex size-8 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
        >
          <X className="size-4" aria-hidden="true" />
        </button>
      </div>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Delete ${feature.referenceNum}?`}
        description={`“${feature.name}”, its requirements and attachments will be deleted. This cannot be undone.`}
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(feature.id, {
                  onSuccess: () => {
                    setConfirming(false);
                    toast(`${feature.referenceNum} deleted`, { tone: 'success' });
                    onDeleted();
                  },
                  onError: (error) =>
                    toast('The feature was not deleted', {
                      tone: 'error',
                      description: error.message,
                    }),
                })
              }
            >
              Delete feature
            </Button>
          </>
        }
      >
        <span />
      </Dialog>
    </header>
  );
}
