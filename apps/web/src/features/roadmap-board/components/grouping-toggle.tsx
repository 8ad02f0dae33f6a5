import { clsx } from 'clsx';
import { Columns3 } from 'lucide-react';
import type { BoardGrouping } from '../utils/board-filters';

const choices: { value: BoardGrouping; label: string }[] = [
  { value: 'status', label: 'By status' },
  { value: 'release', label: 'By release' },
];

/** Columns by status or by release: a segmented control made of radio buttons. */
export function GroupingToggle({
  value,
  onChange,
}: {
  value: BoardGrouping;
  onChange: (value: BoardGrouping) => void;
}) {
  return (
    <fieldset className="flex h-8 items-center rounded-md border border-zinc-200 bg-zinc-50 p-0.5">
      <legend className="sr-only">Columns</legend>
      <Columns3 className="mx-1.5 size-3.5 text-zinc-400" aria-hidden="true" />
      {choices.map((choice) => (
        <label
          key={choice.value}
          className={clsx(
            'cursor-pointer rounded px-2.5 py-1 text-[12px] font-medium has-focus-visible:ring-2 has-focus-visible:ring-accent-500',
            value === choice.value
              ? 'bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200'
              : 'text-zinc-500 hover:text-zinc-800',
          )}
        >
          <input
            type="radio"
            name="group-by"
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
            className="sr-only"
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
