import type { Integration } from '@tandem/contracts';
import { KeyRound, MoreHorizontal, Pencil, Power, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Menu, MenuButton, MenuItem, MenuList, MenuSeparator } from '@/components/ui/menu';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useDisableIntegration } from '../api/disable-integration';
import { useEnableIntegration } from '../api/enable-integration';
import { DeleteIntegrationDialog } from './delete-integration-dialog';
import { IntegrationCertificateDialog } from './integration-certificate-dialog';

/** *More options* on an integration: client certificate, edit, disable or enable, delete. */
export function MoreOptionsMenu({
  workspace,
  integration,
  onDeleted,
}: {
  workspace: { id: string; key: string };
  integration: Integration;
  onDeleted?: () => void;
}) {
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'certificate' | 'delete' | null>(null);
  const disable = useDisableIntegration(workspace.id);
  const enable = useEnableIntegration(workspace.id);
  const report = (what: string) => ({
    onSuccess: () => toast(what, { tone: 'success' }),
    onError: (error: Error) =>
      toast('That did not work', { tone: 'error', description: error.message }),
  });

  return (
    <>
      <Menu>
        <MenuButton
          aria-label={`More options for ${integration.name}`}
          className="flex size-8 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800"
        >
          <MoreHorizontal className="size-4" aria-hidden="true" />
        </MenuButton>
        <MenuList placement="bottom-end" label={`More options for ${integration.name}`}>
          <MenuItem
            icon={<KeyRound className="size-4" aria-hidden="true" />}
            onSelect={() => setDialog('certificate')}
          >
            Set client certificate
          </MenuItem>
          <MenuItem
            icon={<Pencil className="size-4" aria-hidden="true" />}
            onSelect={() =>
              navigate(
                paths.workspace.integrationWizard.getHref(
                  workspace.key,
                  integration.id,
                  integration.state === 'draft' ? integration.wizardStep : 'name',
                ),
              )
            }
          >
            Edit
          </MenuItem>
          {integration.state === 'draft' ? null : integration.state === 'disabled' ? (
            <MenuItem
              icon={<Power className="size-4" aria-hidden="true" />}
              onSelect={() =>
                enable.mutate(integration.id, report(`${integration.name} is enabled`))
              }
            >
              Enable
            </MenuItem>
          ) : (
            <MenuItem
              icon={<Power className="size-4" aria-hidden="true" />}
              onSelect={() =>
                disable.mutate(integration.id, report(`${integration.name} is disabled`))
              }
            >
              Disable
            </MenuItem>
          )}
          <MenuSeparator />
          <MenuItem
            className="text-red-700 focus:text-red-800"
            icon={<Trash2 className="size-4" aria-hidden="true" />}
            onSelect={() => setDialog('delete')}
          >
            Delete
          </MenuItem>
        </MenuList>
      </Menu>
      <IntegrationCertificateDialog
        open={dialog === 'certificate'}
        onClose={() => setDialog(null)}
        workspaceId={workspace.id}
        integration={integration}
      />
      <DeleteIntegrationDialog
        open={dialog === 'delete'}
        onClose={() => setDialog(null)}
        workspaceId={workspace.id}
        integration={integration}
        onDeleted={onDeleted}
      />
    </>
  );
}
