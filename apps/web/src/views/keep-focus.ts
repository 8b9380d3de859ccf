/**
 * Redraws `container` and gives the focus back to the control that had it, found again by its
 * `data-focus-key`: live updates must not throw a keyboard user back to the top of the page.
 */
export function keepFocus(container: HTMLElement, redraw: () => void): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset.focusKey : undefined;
  redraw();
  if (key) container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
}
