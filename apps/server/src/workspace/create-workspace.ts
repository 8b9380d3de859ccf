import type { DocumentStore, MetadataStore } from '@plume/storage';
import type { Logger } from 'pino';
import type { Auth } from '../auth/create-auth.ts';
import { createPackHistory, type PackHistory } from '../packs/pack-history.ts';
import { createNoteIndexer, type NoteIndexer } from '../search/note-indexer.ts';
import { createSearchIndex, type SearchIndex } from '../search/search-index.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import type { NoteVersions } from '../versions/note-versions.ts';
import { createNoteContributors, type NoteContributors } from './note-contributors.ts';
import { createNoteLifecycle, type NoteLifecycle } from './note-lifecycle.ts';
import { createNotePresenter, type NotePresenter } from './note-presenter.ts';
import type { WorkspaceEvents } from './workspace-events.ts';

/** The team's workspace: notes' lifecycle, how they are shown, their search index and change feed. */
export type Workspace = {
  readonly notes: MetadataStore;
  readonly lifecycle: NoteLifecycle;
  readonly presenter: NotePresenter;
  readonly index: SearchIndex;
  readonly indexer: NoteIndexer;
  readonly contributors: NoteContributors;
  readonly events: WorkspaceEvents;
  /** Each note's versions, frozen per burst of editing, by name, on validation, and restored. */
  readonly versions: NoteVersions;
  /** Which briefing packs printed which version of each note. */
  readonly packs: PackHistory;
  /** Indexes what is pending and stops the change feed; used at shutdown, before the stores close. */
  close(): Promise<void>;
};

/** Assembles the workspace over the stores, the rooms and the access rules; starts building the search index. */
export function createWorkspace(options: {
  notes: MetadataStore;
  documents: DocumentStore;
  rooms: RoomRegistry;
  auth: Auth;
  events: WorkspaceEvents;
  versions: NoteVersions;
  logger: Logger;
}): Workspace {
  const { notes, documents, rooms, auth, events, versions, logger } = options;
  const index = createSearchIndex();
  const indexer = createNoteIndexer({
    index,
    notes,
    documents,
    rooms,
    events,
    logger: logger.child({ component: 'search' }),
  });
  return {
    notes,
    index,
    indexer,
    events,
    versions,
    packs: createPackHistory(notes),
    presenter: createNotePresenter(auth.store, rooms),
    lifecycle: createNoteLifecycle({
      notes,
      documents,
      access: auth.store,
      rooms,
      live: auth.live,
      indexer,
      events,
      versions,
    }),
    contributors: createNoteContributors(notes, events, logger),
    async close() {
      await indexer.flush();
      events.close();
    },
  };
}
