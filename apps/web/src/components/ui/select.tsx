import { clsx } from 'clsx';
import { ChevronDown } from 'lucide-react';
import type { ComponentProps } from 'react';

export type SelectProps = Omit<ComponentProps<'select'>, 'size'> & {
  invalid?: boolean;
  /** `sm` for toolbars and dense rows, `md` for forms. */
  density?: 'sm' | 'md';
};

/** A native select dressed like `Input`: the platform keeps keyboard and screen-reader support. */
export function Select({ className, invalid = false, density = 'md', ...props }: SelectProps) {
  return (
    <div className={clsx('relative', className)}>
      <select
        aria-invalid={invalid || undefined}
        className={clsx(
          'block w-full appearance-none truncate rounded-md border bg-white pr-8 text-zinc-900 shadow-xs transition-colors',
          'focus:outline-none focus:ring-3 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500',
          density === 'sm' ? 'h-8 pl-2.5 text-[13px]' : 'h-9 pl-3 text-sm',
          invalid
            ? 'border-red-400 focus:border-red-500 focus:ring-red-500/15'
            : 'border-zinc-300 hover:border-zinc-400 focus:border-accent-500 focus:ring-accent-500/20',
        )}
        {...props}
      />
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2.5 size-3.5 -translate-y-1/2 text-zinc-400"
      />
    </div>
  );
}
