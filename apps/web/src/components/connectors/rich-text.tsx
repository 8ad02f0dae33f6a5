import { Fragment, type ReactNode } from 'react';

const TOKEN = /(\*\*[^*]+\*\*|_[^_\s][^_]*_|`[^`]+`|\{[a-zA-Z]+\})/;

/**
 * A connector's words, rendered: `**bold**`, `_emphasis_`, `` `code` `` and `{slot}` filled from
 * `slots` (a slot may be a link or any node; an unknown one shows as written).
 */
export function RichText({
  text,
  slots = {},
}: {
  text: string;
  slots?: Record<string, ReactNode>;
}) {
  const parts = text.split(TOKEN);
  return (
    <>
      {parts.map((part, i) => {
        const key = `${i}:${part}`;
        if (i % 2 === 0) return <Fragment key={key}>{part}</Fragment>;
        const inner = part.slice(part.startsWith('**') ? 2 : 1, part.startsWith('**') ? -2 : -1);
        if (part.startsWith('**')) {
          return <strong key={key}>{<RichText text={inner} slots={slots} />}</strong>;
        }
        if (part.startsWith('_')) {
          return <em key={key}>{<RichText text={inner} slots={slots} />}</em>;
        }
        if (part.startsWith('`')) {
          return (
            <code key={key} className="rounded bg-zinc-100 px-1">
              {inner}
            </code>
          );
        }
        return <Fragment key={key}>{inner in slots ? slots[inner] : part}</Fragment>;
      })}
    </>
  );
}

/** The same words as plain text, for attributes and announcements: markup dropped, slots filled. */
export function plainText(text: string, slots: Record<string, string | number> = {}): string {
  return text
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/_([^_\s][^_]*)_/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) =>
      name in slots ? String(slots[name]) : whole,
    );
}
