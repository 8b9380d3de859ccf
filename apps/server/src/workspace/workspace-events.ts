import type { WorkspaceEvent } from '@plume/protocol';

/** How long note changes are gathered before one event tells subscribers about all of them. */
const NOTES_BATCH_MS = 500;

/** The workspace's change feed: what changed, never the change itself, so every reader re-asks with its own rights. */
export type WorkspaceEvents = {
  /** Notes whose content, metadata, presence or place (list, trash) changed. */
  notesChanged(...noteIds: string[]): void;
  themesChanged(): void;
  templatesChanged(): void;
  /** Calls `listener` with every event from now on, and `onEnd` if the feed closes; returns the unsubscribe function. */
  subscribe(listener: (event: WorkspaceEvent) => void, onEnd?: () => void): () => void;
  /** Drops pending events and ends every subscription, and any made afterwards. */
  close(): void;
};

/** Creates the change feed; note changes are batched so a typing burst makes one event a batch. */
export function createWorkspaceEvents(): WorkspaceEvents {
  const listeners = new Set<(event: WorkspaceEvent) => void>();
  const endings = new Map<(event: WorkspaceEvent) => void, () => void>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  function emit(event: WorkspaceEvent): void {
    for (const listener of listeners) listener(event);
  }

  function flush(): void {
    timer = null;
    const noteIds = [...pending];
    pending = new Set();
    if (noteIds.length > 0) emit({ type: 'notes', noteIds });
  }

  return {
    notesChanged(...noteIds) {
      if (listeners.size === 0) return;
      for (const id of noteIds) pending.add(id);
      timer ??= setTimeout(flush, NOTES_BATCH_MS);
    },
    themesChanged: () => emit({ type: 'themes' }),
    templatesChanged: () => emit({ type: 'templates' }),
    subscribe(listener, onEnd) {
      // A server shutting down still parses requests on open sockets: a late subscriber ends at once.
      if (closed) {
        onEnd?.();
        return () => undefined;
      }
      listeners.add(listener);
      if (onEnd) endings.set(listener, onEnd);
      return () => {
        listeners.delete(listener);
        endings.delete(listener);
      };
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      pending.clear();
      listeners.clear();
      const ends = [...endings.values()];
      endings.clear();
      for (const end of ends) end();
    },
  };
}
