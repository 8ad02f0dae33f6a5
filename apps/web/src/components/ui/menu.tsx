import { clsx } from 'clsx';
import { Check } from 'lucide-react';
import {
  type ComponentProps,
  createContext,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';

/**
 * A dropdown menu following the WAI-ARIA menu button pattern: the button opens it with click,
 * Enter, Space or the arrow keys; arrows, Home and End move between items; Escape and Tab close
 * it; a click outside closes it; focus returns to the button.
 */
interface MenuContextValue {
  open: boolean;
  setOpen: (open: boolean, focus?: 'first' | 'last' | 'button') => void;
  initialFocus: RefObject<'first' | 'last'>;
  buttonId: string;
  menuId: string;
  buttonRef: RefObject<HTMLButtonElement | null>;
  rootRef: RefObject<HTMLDivElement | null>;
}

const MenuContext = createContext<MenuContextValue | null>(null);

function useMenu(): MenuContextValue {
  const ctx = useContext(MenuContext);
  if (!ctx) throw new Error('Menu parts must be inside <Menu>');
  return ctx;
}

export function Menu({ children, className }: { children: ReactNode; className?: string }) {
  const [open, setOpenState] = useState(false);
  const initialFocus = useRef<'first' | 'last'>('first');
  const buttonRef = useRef<HTMLButtonElement | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const id = useId();

  const setOpen = useCallback((next: boolean, focus?: 'first' | 'last' | 'button') => {
    if (next) initialFocus.current = focus === 'last' ? 'last' : 'first';
    setOpenState(next);
    if (!next && focus === 'button') buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpenState(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const value = useMemo(
    () => ({
      open,
      setOpen,
      initialFocus,
      buttonId: `${id}-button`,
      menuId: `${id}-menu`,
      buttonRef,
      rootRef,
    }),
    [open, setOpen, id],
  );

  return (
    <MenuContext value={value}>
      <div ref={rootRef} className={clsx('relative', className)}>
        {children}
      </div>
    </MenuContext>
  );
}

export function MenuButton({ className, children, ...props }: ComponentProps<'button'>) {
  const { open, setOpen, buttonId, menuId, buttonRef } = useMenu();
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setOpen(true, 'first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true, 'last');
    }
  };
  return (
    <button
      ref={buttonRef}
      type="button"
      id={buttonId}
      aria-haspopup="menu"
      aria-expanded={open}
      aria-controls={open ? menuId : undefined}
      onClick={() => setOpen(!open, 'first')}
      onKeyDown={onKeyDown}
      className={className}
      {...props}
    >
      {children}
    </button>
  );
}

const ITEM_SELECTOR = '[role="menuitem"]:not([aria-disabled="true"]),[role="menuitemradio"]';

function itemsOf(list: HTMLElement | null): HTMLElement[] {
  return [...(list?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])];
}

export function MenuList({
  children,
  className,
  placement = 'bottom-start',
  label,
}: {
  children: ReactNode;
  className?: string;
  placement?: 'bottom-start' | 'bottom-end' | 'top-start' | 'top-end';
  /** Accessible name when the button's text is not a good one. */
  label?: string;
}) {
  const { open, setOpen, initialFocus, buttonId, menuId } = useMenu();
  const listRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!open) return;
    const all = itemsOf(listRef.current);
    const checked = all.find((el) => el.getAttribute('aria-checked') === 'true');
    const target = initialFocus.current === 'last' ? all.at(-1) : (checked ?? all[0]);
    target?.focus();
  }, [open, initialFocus]);

  if (!open) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = itemsOf(listRef.current);
    const index = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(all.length - 1);
      case 'Escape':
        event.preventDefault();
        return setOpen(false, 'button');
      case 'Tab':
        return setOpen(false);
      default: {
        if (event.key.length === 1 && /\S/.test(event.key)) {
          const key = event.key.toLowerCase();
          const start = index + 1;
          const ordered = [...all.slice(start), ...all.slice(0, start)];
          ordered.find((el) => el.textContent?.trim().toLowerCase().startsWith(key))?.focus();
        }
      }
    }
  };

  return (
    <div
      ref={listRef}
      id={menuId}
      role="menu"
      aria-labelledby={label ? undefined : buttonId}
      aria-label={label}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className={clsx(
        'absolute z-50 min-w-56 overflow-hidden rounded-lg border border-zinc-200 bg-white p-1 shadow-lg shadow-zinc-900/10',
        placement === 'bottom-start' && 'top-full left-0 mt-1',
        placement === 'bottom-end' && 'top-full right-0 mt-1',
        placement === 'top-start' && 'bottom-full left-0 mb-1',
        placement === 'top-end' && 'right-0 bottom-full mb-1',
        className,
      )}
    >
      {children}
    </div>
  );
}

const itemClass =
  'flex w-full cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-zinc-700 outline-none select-none focus:bg-zinc-100 focus:text-zinc-900 hover:bg-zinc-100 hover:text-zinc-900';

export function MenuItem({
  onSelect,
  children,
  className,
  icon,
}: {
  onSelect: () => void;
  children: ReactNode;
  className?: string;
  icon?: ReactNode;
}) {
  const { setOpen } = useMenu();
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={clsx(itemClass, className)}
      onClick={() => {
        setOpen(false, 'button');
        onSelect();
      }}
    >
      {icon}
      {children}
    </button>
  );
}

/** One of a set of choices, the current one checked (e.g. the workspace you are in). */
export function MenuItemRadio({
  checked,
  onSelect,
  children,
  className,
}: {
  checked: boolean;
  onSelect: () => void;
  children: ReactNode;
  className?: string;
}) {
  const { setOpen } = useMenu();
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={checked}
      tabIndex={-1}
      className={clsx(itemClass, className)}
      onClick={() => {
        setOpen(false, 'button');
        if (!checked) onSelect();
      }}
    >
      {children}
      <Check
        aria-hidden="true"
        className={clsx('ml-auto size-4 shrink-0 text-accent-600', !checked && 'invisible')}
      />
    </button>
  );
}

export function MenuLabel({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div
      role="presentation"
      className={clsx('px-2 pt-1.5 pb-1 text-xs font-medium text-zinc-500', className)}
    >
      {children}
    </div>
  );
}

export function MenuSeparator() {
  return <hr className="-mx-1 my-1 border-zinc-100" />;
}
