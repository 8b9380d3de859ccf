import type { WorkspaceEvent } from '@plume/protocol';

/** Path of the server's event stream. */
export const EVENTS_PATH = '/api/events';

const EVENT_NAMES = ['notes', 'themes', 'templates'] as const;

/** Reads one server-sent event's data; null for anything that is not a workspace event of that name. */
export function parseWorkspaceEvent(name: string, data: string): WorkspaceEvent | null {
  if (name === 'themes' || name === 'templates') return { type: name };
  if (name !== 'notes') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    const noteIds = (parsed as { noteIds?: unknown } | null)?.noteIds;
    if (!Array.isArray(noteIds) || !noteIds.every((id) => typeof id === 'string')) return null;
    return { type: 'notes', noteIds };
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/**
 * Listens to the workspace's server-sent events (same origin, session cookie sent) and calls
 * `onEvent` for each; the browser reconnects by itself after a drop. Returns a function that stops.
 */
export function watchWorkspaceEvents(onEvent: (event: WorkspaceEvent) => void): () => void {
  const source = new EventSource(EVENTS_PATH);
  const listener = (message: MessageEvent<string>) => {
    const event = parseWorkspaceEvent(message.type, message.data);
    if (event) onEvent(event);
  };
  for (const name of EVENT_NAMES) source.addEventListener(name, listener);
  return () => source.close();
}
