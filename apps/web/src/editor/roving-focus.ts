/** Keys that move the focus inside a toolbar, as the WAI-ARIA toolbar pattern has them. */
const MOVES = new Map<string, (index: number, count: number) => number>([
  ['ArrowRight', (index, count) => (index + 1) % count],
  ['ArrowLeft', (index, count) => (index - 1 + count) % count],
  ['Home', () => 0],
  ['End', (_index, count) => count - 1],
]);

/** Where a key moves the focus among `count` controls from `index` (wrapping around), or null for other keys. */
export function rovingTarget(key: string, index: number, count: number): number | null {
  const move = MOVES.get(key);
  return move && count > 0 ? move(Math.max(index, 0), count) : null;
}

/**
 * Gives a toolbar one stop in the tab order: the control last focused in it. The arrow keys,
 * Home and End move between its buttons and selects (a select keeps Up and Down for its options).
 * Returns a function that focuses the toolbar's stop, and one that removes the listeners.
 */
export function createRovingFocus(toolbar: HTMLElement): { focus(): void; dispose(): void } {
  const controls = () =>
    [...toolbar.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button, select')].filter(
      (control) => !control.disabled,
    );
  const setStop = (stop: HTMLElement) => {
    for (const control of controls()) control.tabIndex = control === stop ? 0 : -1;
  };
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement && event.target !== toolbar) setStop(event.target);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const all = controls();
    const index = all.findIndex((control) => control === document.activeElement);
    const target = all[rovingTarget(event.key, index, all.length) ?? -1];
    if (!target) return;
    event.preventDefault();
    setStop(target);
    target.focus();
  };
  toolbar.addEventListener('focusin', onFocusIn);
  toolbar.addEventListener('keydown', onKeyDown);
  const first = controls()[0];
  if (first) setStop(first);
  return {
    focus() {
      const all = controls();
      (all.find((control) => control.tabIndex === 0) ?? all[0])?.focus();
    },
    dispose() {
      toolbar.removeEventListener('focusin', onFocusIn);
      toolbar.removeEventListener('keydown', onKeyDown);
    },
  };
}
