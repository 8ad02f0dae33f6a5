import { X } from 'lucide-react';
import { type KeyboardEvent, useState } from 'react';

/** Tags as removable chips; type and press Enter (or a comma) to add one. */
export function TagInput({
  id,
  tags,
  onChange,
  disabled,
}: {
  id: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  disabled?: boolean;
}) {
  const [text, setText] = useState('');
  const add = () => {
    const tag = text.trim().slice(0, 40);
    setText('');
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };
  return (
    <div className="flex min-h-8 flex-wrap items-center gap-1 rounded-md border border-transparent px-1.5 py-0.5 hover:border-zinc-200 focus-within:border-accent-500 focus-within:ring-3 focus-within:ring-accent-500/15">
      {tags.map((tag) => (
        <span
          key={tag}
          className="inline-flex h-6 items-center gap-0.5 rounded bg-zinc-100 pr-0.5 pl-2 text-[12px] text-zinc-700"
        >
          {tag}
          {disabled ? null : (
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(tags.filter((t) => t !== tag))}
              className="flex size-5 items-center justify-center rounded text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700"
            >
              <X className="size-3" aria-hidden="true" />
            </button>
          )}
        </span>
      ))}
      {disabled ? null : (
        <input
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={add}
          placeholder={tags.length ? '' : 'Add a tag…'}
          className="h-6 min-w-20 flex-1 bg-transparent px-1 text-[13px] outline-none placeholder:text-zinc-400"
        />
      )}
    </div>
  );
}
