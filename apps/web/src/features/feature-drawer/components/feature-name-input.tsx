import { useEffect, useState } from 'react';

/** The feature's name as the drawer's title, edited in place; an empty name is not saved. */
export function FeatureNameInput({
  id,
  name,
  disabled,
  onChange,
}: {
  id: string;
  name: string;
  disabled: boolean;
  onChange: (name: string) => void;
}) {
  const [text, setText] = useState(name);
  useEffect(() => setText(name), [name]);
  const empty = text.trim() === '';
  return (
    <div>
      <textarea
        id={id}
        aria-label="Name"
        rows={1}
        value={text}
        disabled={disabled}
        aria-invalid={empty || undefined}
        aria-describedby={empty ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value.replace(/\n/g, ' '));
          if (e.target.value.trim()) onChange(e.target.value.replace(/\n/g, ' '));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
        className="field-sizing-content block w-full resize-none rounded-md border border-transparent bg-transparent px-1.5 py-1 text-xl leading-snug font-semibold tracking-tight text-zinc-900 hover:border-zinc-200 focus:border-accent-500 focus:outline-none disabled:text-zinc-900"
      />
      {empty ? (
        <p id={`${id}-error`} className="px-1.5 text-[12px] text-red-600">
          Name is required
        </p>
      ) : null}
    </div>
  );
}
