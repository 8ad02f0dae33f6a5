import { RichText } from '@/components/connectors/rich-text';

/**
 * The seed's *Exclude child updates*, in the connector's plain words: what happens to a linked
 * record when someone moves it into a child container of the chosen one.
 */
export function ExcludeChildUpdates({
  words,
  checked,
  onChange,
}: {
  words: { label: string; help: string[] };
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-zinc-50/60 px-4 py-3">
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={checked}
          aria-describedby="exclude-child-updates-help"
          onChange={(e) => onChange(e.target.checked)}
        />
        <span className="font-medium text-zinc-900">{words.label}</span>
      </label>
      <div
        id="exclude-child-updates-help"
        className="mt-2 ml-7 space-y-1.5 text-[13px] text-zinc-600"
      >
        {words.help.map((paragraph) => (
          <p key={paragraph}>
            <RichText text={paragraph} />
          </p>
        ))}
      </div>
    </div>
  );
}
