/**
 * Asks the browser to confirm leaving the page while `isAtRisk` says edits would go with it: the
 * server has not confirmed them and the browser keeps no offline copy. Returns a function that stops.
 */
export function guardOfflineEdits(isAtRisk: () => boolean): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (isAtRisk()) event.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
