import { clsx } from 'clsx';

const palette = [
  'bg-rose-100 text-rose-700',
  'bg-amber-100 text-amber-800',
  'bg-emerald-100 text-emerald-700',
  'bg-sky-100 text-sky-700',
  'bg-violet-100 text-violet-700',
  'bg-teal-100 text-teal-700',
  'bg-orange-100 text-orange-700',
  'bg-indigo-100 text-indigo-700',
] as const;

const sizes = { sm: 'size-5 text-[10px]', md: 'size-7 text-xs', lg: 'size-9 text-sm' } as const;

/** First letters of the first and last word: "Olivia Owner" → "OO", "Mobile App" → "MA". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function colourOf(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? palette[0];
}

export function Avatar({
  name,
  text,
  shape = 'circle',
  size = 'md',
  className,
}: {
  name: string;
  /** What to show instead of the initials (e.g. a workspace key). */
  text?: string;
  shape?: 'circle' | 'square';
  size?: keyof typeof sizes;
  className?: string;
}) {
  return (
    <span
      aria-hidden="true"
      className={clsx(
        'inline-flex shrink-0 items-center justify-center font-semibold select-none',
        shape === 'circle' ? 'rounded-full' : 'rounded-md',
        sizes[size],
        colourOf(name),
        className,
      )}
    >
      {text ?? initialsOf(name)}
    </span>
  );
}
