import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { EditorToolbar } from './editor-toolbar';
import './description-editor.css';

/**
 * The feature's description in TipTap, stored as HTML. Uncontrolled: it starts from `initialHtml`
 * and reports every change; remount it (a new `key`) to load other content.
 */
export function DescriptionEditor({
  initialHtml,
  onChange,
  editable,
}: {
  initialHtml: string;
  onChange: (html: string) => void;
  editable: boolean;
}) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
      }),
    ],
    content: initialHtml,
    editable,
    // TipTap would add its base styles as an inline <style>, which the CSP (style-src 'self')
    // refuses; they are in description-editor.css instead.
    injectCSS: false,
    editorProps: {
      attributes: {
        'aria-label': 'Description',
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'tandem-prose min-h-32 px-3 py-2.5 text-sm leading-6 text-zinc-800 outline-none',
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });

  return (
    <div className="rounded-lg border border-zinc-200 bg-white transition-colors focus-within:border-accent-500 focus-within:ring-3 focus-within:ring-accent-500/15">
      {editable && editor ? <EditorToolbar editor={editor} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}
