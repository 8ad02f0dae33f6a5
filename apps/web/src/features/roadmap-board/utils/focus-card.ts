/**
 * Puts focus back on a feature's card (its name link) when focus was lost, e.g. after the drawer
 * or a dialog opened from the board went away. Waits a frame for the page to settle; a card not on
 * the board, or focus already somewhere, is left alone.
 */
export function returnFocusToCard(referenceNum: string): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const link = document.querySelector(`[data-feature="${CSS.escape(referenceNum)}"] a[href]`);
    if (link instanceof HTMLElement) link.focus();
  });
}
