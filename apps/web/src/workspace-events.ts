import type { WorkspaceEvent } from '@plume/protocol';

/** Path of the server's event stream. */
export const EVENTS_PATH = '/api/events';

/**
 * What views hear: the server's events, and `resync` after the stream was down, when events may
 * have been missed and everything on screen should be fetched again.
 */
export type WorkspaceSignal = WorkspaceEvent | { type: 'resync' };

const EVENT_NAMES = ['notes', 'themes', 'templates'] as const;
// Well past a server's keep-alive timeout (5 s for Node): a server shutting down is not held open
// by a reconnection arriving on the connection it is about to close.
const RECONNECT_FIRST_MS = 7_000;
const RECONNECT_MAX_MS = 60_000;

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
 * Milliseconds to wait before reconnection number `attempt` (0 for the first): 7 s, doubling up
 * to a minute, spread by up to a half (`random` in [0, 1)) so that tabs do not all come back at once.
 */
export function reconnectDelay(attempt: number, random: number): number {
  const base = RECONNECT_FIRST_MS * 2 ** Math.min(attempt, 10);
  return Math.min(RECONNECT_MAX_MS, Math.round(base * (1 + random / 2)));
}

/**
 * Listens to the workspace's server-sent events (same origin, session cookie sent) and calls
 * `onEvent` for each. When the stream drops, it reconnects with a growing delay rather than
 * EventSource's fixed one, then signals `resync`. Returns a function that stops.
 */
export function watchWorkspaceEvents(onEvent: (signal: WorkspaceSignal) => void): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let stopped = false;
  const listener = (message: MessageEvent<string>) => {
    const event = parseWorkspaceEvent(message.type, message.data);
    if (event) onEvent(event);
  };

  function open(): void {
    const opened = new EventSource(EVENTS_PATH);
    source = opened;
    for (const name of EVENT_NAMES) opened.addEventListener(name, listener);
    opened.addEventListener('open', () => {
      if (attempts > 0) onEvent({ type: 'resync' });
      attempts = 0;
    });
    opened.addEventListener('error', () => {
      opened.close();
      if (stopped) return;
      timer = setTimeout(open, reconnectDelay(attempts, Math.random()));
      attempts += 1;
    });
  }

  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
