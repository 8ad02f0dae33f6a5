import { clsx } from 'clsx';

/** Two linked rings: product and development teams, working in tandem. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={clsx('size-7', className)} aria-hidden="true">
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

export function Logo({ className }: { className?: string }) {
  return (
    <span className={clsx('inline-flex items-center gap-2', className)}>
      <LogoMark />
      <span className="text-[15px] font-semibold tracking-tight text-zinc-900">Tandem</span>
    </span>
  );
}
