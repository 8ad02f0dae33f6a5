import { clsx } from 'clsx';

/** Two linked rings: product and development teams, working in tandem. */
/** Two linked rings; `className` should carry a size (default `size-7`). */
export function LogoMark({ className = 'size-7' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={clsx('shrink-0', className)} aria-hidden="true">
      <rect width="32" height="32" rx="8" className="fill-accent-600" />
      <circle cx="12.5" cy="16" r="5.5" fill="none" stroke="#fff" strokeWidth="2.5" />
      <circle
        cx="19.5"
        cy="16"
        r="5.5"
        fill="none"
        stroke="#fff"
        strokeOpacity="0.7"
        strokeWidth="2.5"
      />
    </svg>
  );
}

export function Logo({ className, size = 'md' }: { className?: string; size?: 'sm' | 'md' }) {
  return (
    <span
      className={clsx('inline-flex items-center', size === 'sm' ? 'gap-2' : 'gap-2.5', className)}
    >
      <LogoMark className={size === 'sm' ? 'size-6' : 'size-7'} />
      <span
        className={clsx(
          'font-semibold tracking-tight text-zinc-900',
          size === 'sm' ? 'text-sm' : 'text-[15px]',
        )}
      >
        Tandem
      </span>
    </span>
  );
}
