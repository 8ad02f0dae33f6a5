import { Plus } from 'lucide-react';
import { useNavigate } from 'react-router';
import { useConnectors } from '@/api/connectors/get-connectors';
import { SystemMark } from '@/components/connectors/system-mark';
import { Menu, MenuButton, MenuItem, MenuLabel, MenuList } from '@/components/ui/menu';
import { paths } from '@/config/paths';

/** *Add* → one item per registered connector; each opens the wizard for that system. */
export function AddIntegrationMenu({ workspaceKey }: { workspaceKey: string }) {
  const navigate = useNavigate();
  const connectors = useConnectors();
  return (
    <Menu>
      <MenuButton className="inline-flex h-8 items-center gap-2 rounded-md border border-accent-700/20 bg-accent-600 px-3 text-sm font-medium text-white shadow-xs hover:bg-accent-700">
        <Plus className="size-4" aria-hidden="true" />
        Add integration
      </MenuButton>
      <MenuList placement="bottom-end">
        <MenuLabel>Development tools</MenuLabel>
        {(connectors.data ?? []).map((c) => (
          <MenuItem
            key={c.system}
            onSelect={() =>
              navigate(
                `${paths.workspace.wizardSteps.name.getHref(workspaceKey, 'new')}?system=${c.system}`,
              )
            }
          >
            <span className="flex items-center gap-2">
              <SystemMark system={c.system} className="size-5 text-[10px]" />
              {c.displayName}
            </span>
          </MenuItem>
        ))}
        {connectors.isPending ? (
          <p className="px-2 py-1.5 text-sm text-zinc-500">Loading…</p>
        ) : connectors.isError ? (
          <p className="px-2 py-1.5 text-sm text-red-700">Could not load the systems.</p>
        ) : null}
      </MenuList>
    </Menu>
  );
}
