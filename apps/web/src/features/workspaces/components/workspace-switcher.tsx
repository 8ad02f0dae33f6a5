import type { Role, SessionWorkspace } from '@tandem/contracts';
import { ChevronsUpDown } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Menu, MenuButton, MenuItemRadio, MenuLabel, MenuList } from '@/components/ui/menu';

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  contributor: 'Contributor',
  viewer: 'Viewer',
};

function WorkspaceMark({ workspace }: { workspace: SessionWorkspace }) {
  return (
    <Avatar
      name={workspace.key}
      text={workspace.name.slice(0, 1).toUpperCase()}
      shape="square"
      className="ring-1 ring-black/5"
    />
  );
}

/** The current workspace at the top of the sidebar; opens a list of every workspace you are in. */
export function WorkspaceSwitcher({
  workspaces,
  current,
  onSwitch,
}: {
  workspaces: SessionWorkspace[];
  current: SessionWorkspace;
  onSwitch: (workspace: SessionWorkspace) => void;
}) {
  return (
    <Menu>
      <MenuButton className="flex w-full items-center gap-2.5 rounded-lg bg-white px-2 py-1.5 text-left shadow-xs ring-1 ring-zinc-200/80 transition-colors hover:bg-zinc-50 hover:ring-zinc-300 aria-expanded:ring-zinc-300">
        <WorkspaceMark workspace={current} />
        <span className="min-w-0 flex-1">
          <span className="sr-only">Workspace: </span>
          <span className="block truncate text-sm font-semibold text-zinc-900">{current.name}</span>
          <span className="block truncate text-xs text-zinc-500">
            {current.key} · {roleLabels[current.role]}
          </span>
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-zinc-400" aria-hidden="true" />
      </MenuButton>
      <MenuList className="w-64" label="Workspaces">
        <MenuLabel>Workspaces</MenuLabel>
        {workspaces.map((workspace) => (
          <MenuItemRadio
            key={workspace.id}
            checked={workspace.id === current.id}
            onSelect={() => onSwitch(workspace)}
          >
            <WorkspaceMark workspace={workspace} />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-zinc-900">{workspace.name}</span>
              <span className="block truncate text-xs text-zinc-600">
                {workspace.key} · {roleLabels[workspace.role]}
              </span>
            </span>
          </MenuItemRadio>
        ))}
      </MenuList>
    </Menu>
  );
}
