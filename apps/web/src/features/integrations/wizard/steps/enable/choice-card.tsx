import { clsx } from 'clsx';

/** A radio button with a title and a sentence saying what choosing it means. */
export function ChoiceCard({
  name,
  checked,
  onSelect,
  title,
  text,
}: {
  name: string;
  checked: boolean;
  onSelect: () => void;
  title: string;
  text: string;
}) {
  return (
    <label
      className={clsx(
        'flex cursor-pointer items-start gap-3 rounded-lg border px-4 py-3 text-sm',
        checked ? 'border-accent-400 bg-accent-50/60' : 'border-zinc-200 hover:bg-zinc-50',
      )}
    >
      <input type="radio" name={name} className="mt-1" checked={checked} onChange={onSelect} />
      <span>
        <span className="block font-medium text-zinc-900">{title}</span>
        <span className="block text-[13px] text-zinc-600">{text}</span>
      </span>
    </label>
  );
}
