import { type Editor, useEditorState } from '@tiptap/react';
import { clsx } from 'clsx';
import {
  Bold,
  Code,
  Heading2,
  Heading3,
  Italic,
  Link2,
  List,
  ListOrdered,
  type LucideIcon,
  SquareCode,
} from 'lucide-react';
import { type FormEvent, useState } from 'react';

function ToolButton({
  label,
  icon: Icon,
  active,
  onClick,
}: {
  label: string;
  icon: LucideIcon;
  active: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={active}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={clsx(
        'flex size-7 items-center justify-center rounded-md transition-colors',
        active
          ? 'bg-zinc-900/90 text-white'
          : 'text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900',
      )}
    >
      <Icon className="size-3.5" aria-hidden="true" strokeWidth={2.25} />
    </button>
  );
}

/** Bold, italic, headings, lists, code and links for the description. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    // Marks read as pressed only while the user is in the text, not from where the cursor was left.
    selector: ({ editor: e }) => {
      const on = e.isFocused;
      return {
        bold: on && e.isActive('bold'),
        italic: on && e.isActive('italic'),
        h2: on && e.isActive('heading', { level: 2 }),
        h3: on && e.isActive('heading', { level: 3 }),
        bullet: on && e.isActive('bulletList'),
        ordered: on && e.isActive('orderedList'),
        code: on && e.isActive('code'),
        codeBlock: on && e.isActive('codeBlock'),
        link: on && e.isActive('link'),
        href: (e.getAttributes('link').href as string | undefined) ?? '',
      };
    },
  });
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState('');
  const chain = () => editor.chain().focus();

  const applyLink = (event: FormEvent) => {
    event.preventDefault();
    const url = href.trim();
    if (url) chain().extendMarkRange('link').setLink({ href: url }).run();
    else chain().extendMarkRange('link').unsetLink().run();
    setLinking(false);
  };

  return (
    <div className="border-b border-zinc-100 px-1.5 py-1">
      <div role="toolbar" aria-label="Formatting" className="flex flex-wrap items-center gap-0.5">
        <ToolButton
          label="Bold"
          icon={Bold}
          active={active.bold}
          onClick={() => chain().toggleBold().run()}
        />
        <ToolButton
          label="Italic"
          icon={Italic}
          active={active.italic}
          onClick={() => chain().toggleItalic().run()}
        />
        <span aria-hidden="true" className="mx-1 h-4 w-px bg-zinc-200" />
        <ToolButton
          label="Heading"
          icon={Heading2}
          active={active.h2}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        />
        <ToolButton
          label="Subheading"
          icon={Heading3}
          active={active.h3}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        />
        <span aria-hidden="true" className="mx-1 h-4 w-px bg-zinc-200" />
        <ToolButton
          label="Bulleted list"
          icon={List}
          active={active.bullet}
          onClick={() => chain().toggleBulletList().run()}
        />
        <ToolButton
          label="Numbered list"
          icon={ListOrdered}
          active={active.ordered}
          onClick={() => chain().toggleOrderedList().run()}
        />
        <span aria-hidden="true" className="mx-1 h-4 w-px bg-zinc-200" />
        <ToolButton
          label="Inline code"
          icon={Code}
          active={active.code}
          onClick={() => chain().toggleCode().run()}
        />
        <ToolButton
          label="Code block"
          icon={SquareCode}
          active={active.codeBlock}
          onClick={() => chain().toggleCodeBlock().run()}
        />
        <ToolButton
          label="Link"
          icon={Link2}
          active={active.link || linking}
          onClick={() => {
            setHref(active.href);
            setLinking((open) => !open);
          }}
        />
      </div>
      {linking ? (
        <form onSubmit={applyLink} className="flex items-center gap-1.5 px-1 pt-1 pb-0.5">
          <input
            // biome-ignore lint/a11y/noAutofocus: opened on purpose by the Link button
            autoFocus
            type="url"
            aria-label="Link address"
            placeholder="https://…"
            value={href}
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setLinking(false);
                editor.commands.focus();
              }
            }}
            className="h-7 flex-1 rounded-md border border-zinc-300 px-2 text-[13px] focus:border-accent-500 focus:outline-none"
          />
          <button
            type="submit"
            className="h-7 rounded-md bg-zinc-900 px-2.5 text-[12px] font-medium text-white"
          >
            {href.trim() ? 'Apply' : 'Remove link'}
          </button>
        </form>
      ) : null}
    </div>
  );
}
