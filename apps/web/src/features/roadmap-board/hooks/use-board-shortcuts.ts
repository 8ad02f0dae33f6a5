import { type RefObject, useEffect } from 'react';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** `/` jumps to search, `c` creates a feature, Escape clears the selection (as in Linear). */
export function useBoardShortcuts({
  search,
  onCreate,
  onClearSelection,
  enabled,
}: {
  search: RefObject<HTMLInputElement | null>;
  onCreate: (() => void) | null;
  onClearSelection: () => void;
  enabled: boolean;
}) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTyping(event.target)) return;
      // Not while a feature drawer or a dialog has the user's attention.
      if (document.querySelector('[role="dialog"], dialog[open]')) return;
      if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
      } else if (event.key === 'c' && onCreate) {
        event.preventDefault();
        onCreate();
      } else if (event.key === 'Escape') {
        onClearSelection();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, search, onCreate, onClearSelection]);
}
