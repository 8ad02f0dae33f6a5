import type { SessionUser } from '@tandem/contracts';
import { ChevronsUpDown, LogOut } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Menu, MenuButton, MenuItem, MenuList, MenuSeparator } from '@/components/ui/menu';
import { Spinner } from '@/components/ui/spinner';
import { useLogout } from '../api/logout';

/** The signed-in person at the bottom of the sidebar, with *Log out*. */
export function UserMenu({ user }: { user: SessionUser }) {
  const logout = useLogout();
  return (
    <Menu>
      <MenuButton className="flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-zinc-200/50 aria-expanded:bg-zinc-200/60">
        <Avatar name={user.name} />
        <span className="min-w-0 flex-1">
          <span className="sr-only">Account: </span>
          <span className="block truncate text-sm font-medium text-zinc-900">{user.name}</span>
          <span className="block truncate text-xs text-zinc-600" title={user.email}>
            {user.email}
          </span>
        </span>
        {logout.isPending ? (
          <Spinner className="text-zinc-400" label="Logging out" />
        ) : (
          <ChevronsUpDown className="size-4 shrink-0 text-zinc-400" aria-hidden="true" />
        )}
      </MenuButton>
      <MenuList placement="top-start" className="w-full min-w-0" label="Account">
        <div className="px-2 py-1.5">
          <p className="truncate text-sm font-medium text-zinc-900">{user.name}</p>
          <p className="truncate text-xs text-zinc-500">{user.email}</p>
        </div>
        <MenuSeparator />
        <MenuItem
          icon={<LogOut className="size-4 text-zinc-500" aria-hidden="true" />}
          onSelect={() => logout.mutate()}
        >
          Log out
        </MenuItem>
      </MenuList>
    </Menu>
  );
}
