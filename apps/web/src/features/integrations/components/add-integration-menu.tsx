import { Plus } from 'lucide-react';
import { useNavigate } from 'react-router';
import { Menu, MenuButton, MenuItem, MenuLabel, MenuList } from '@/components/ui/menu';
import { paths } from '@/config/paths';

/** *Add* → Rally opens the wizard; Azure DevOps is listed as coming soon. */
export function AddIntegrationMenu({ workspaceKey }: { workspaceKey: string }) {
  const navigate = useNavigate();
  return (
    <Menu>
      <MenuButton className="inline-flex h-8 items-center gap-2 rounded-md border border-accent-700/20 bg-accent-600 px-3 text-sm font-medium text-white shadow-xs hover:bg-accent-700">
        <Plus className="size-4" aria-hidden="true" />
        Add integration
      </MenuButton>
      <MenuList placement="bottom-end">
        <MenuLabel>Development tools</MenuLabel>
        <MenuItem
          onSelect={() => navigate(paths.workspace.wizardSteps.name.getHref(workspaceKey, 'new'))}
        >
          Rally
        </MenuItem>
        <div
          role="menuitem"
          aria-disabled="true"
          tabIndex={-1}
          className="flex items-center justify-between px-2 py-1.5 text-sm text-zinc-400"
        >
          Azure DevOps
          <span className="text-xs">Coming soon</span>
        </div>
      </MenuList>
    </Menu>
  );
}
