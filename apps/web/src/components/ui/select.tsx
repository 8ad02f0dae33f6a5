import { clsx } from 'clsx';
import { ChevronDown } from 'lucide-react';
import type { ComponentProps, ReactNode } from 'react';

export type SelectProps = Omit<ComponentProps<'select'>, 'size'> & {
  invalid?: boolean;
  /** `sm` for toolbars and dense rows, `md` for forms. */
  density?: 'sm' | 'md';
  /** `ghost` shows no border until hovered or focused (inline properties). */
  appearance?: 'default' | 'ghost';
  /** Something drawn before the text, e.g. a status dot. */
  leading?: ReactNode;
};

/** A native select dressed like `Input`: the platform keeps keyboard and screen-reader support. */
export function Select({
  className,
  invalid = false,
  density = 'md',
  appearance = 'default',
  leading,
  ...props
}: SelectProps) {
  return (
    <div className={clsx('relative', className)}>
      {leading ? (
        <span className="pointer-events-none absolute top-1/2 left-2 flex -translate-y-1/2 items-center">
          {leading}
        </span>
      ) : null}
      <select
        aria-invalid={invalid || undefined}
        className={clsx(
          'block w-full appearance-none truncate rounded-md border pr-8 text-zinc-900 transition-colors',
          'focus:outline-none focus:ring-3 disabled:cursor-not-allowed disabled:text-zinc-500',
          density === 'sm' ? 'h-8 text-[13px]' : 'h-9 text-sm',
          leading ? 'pl-8' : density === 'sm' ? 'pl-2.5' : 'pl-3',
          appearance === 'ghost'
            ? 'bg-transparent shadow-none hover:bg-zinc-50 focus:bg-white disabled:bg-transparent'
            : 'bg-white shadow-xs disabled:bg-zinc-50',
          invalid
            ? 'border-red-400 focus:border-red-500 focus:ring-red-500/15'
            : appearance === 'ghost'
              ? 'border-transparent hover:border-zinc-200 focus:border-accent-500 focus:ring-accent-500/20'
              : 'border-zinc-300 hover:border-zinc-400 focus:border-accent-500 focus:ring-accent-500/20',
        )}
        {...props}
      />
      <ChevronDown
        aria-hidden="true"
        className={clsx(
          'pointer-events-none absolute top-1/2 right-2.5 size-3.5 -translate-y-1/2 text-zinc-400',
          appearance === 'ghost' && 'opacity-0 transition-opacity [div:hover>&]:opacity-100',
        )}
      />
    </div>
  );
}
