import { MESSAGE_TYPE } from '@plume/protocol';
import type { AuthorshipStore, DocumentStore } from '@plume/storage';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { writeUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { loadNoteAuthorship, type NoteAuthorship } from '../authorship/note-authorship.ts';
import type { Metrics } from '../metrics.ts';
import { createUpdateWriter, type UpdateWriter } from './update-writer.ts';

/** One side of a room: a connection that receives the room's broadcasts. */
export type RoomMember = {
  /** Sends one binary y-websocket message to this member. */
  send(message: Uint8Array): void;
};

/** The server's group of connections for one note's document, and that document in memory. */
export type Room = {
  readonly noteId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly writer: UpdateWriter;
  /** Who wrote and deleted what in this note; kept apart from the document, where no client can forge it. */
  readonly authorship: NoteAuthorship;
  /** Adds a member; it starts receiving document and awareness broadcasts. */
  join(member: RoomMember): void;
  /** Removes a member, its presence and its claim on a client id. */
  leave(member: RoomMember): void;
  /**
   * Gives `clientId` to `member` if it holds none yet and nobody else holds this one; returns
   * whether the member holds `clientId` now. A member holds at most one id, for as long as it stays.
   */
  claimClientId(member: RoomMember, clientId: number): boolean;
  /** The member holding a client id, if any. */
  ownerOf(clientId: number): RoomMember | undefined;
  /** The client id a member holds, if any. */
  clientIdOf(member: RoomMember): number | undefined;
  readonly memberCount: number;
  /** Whether updates were applied that have not yet left for the store; `flushed` sends them. */
  readonly hasUnwrittenUpdates: boolean;
  /**
   * The stored state the document was loaded from, the first time it is asked for and only if
   * nothing changed since: the first client's full sync can then be sent without encoding the
   * document again. Null afterwards.
   */
  takeLoadedState(): Uint8Array | null;
  /** Resolves once every update applied so far, and its authorship, is in the stores. */
  flushed(): Promise<void>;
  /** Stops timers and frees the document; the caller has flushed the writer first. */
  destroy(): void;
};

/** Called when the document changed, for instance to record the note's update time. */
export type OnDocumentChange = (noteId: string) => void;

/** Called when someone arrived in the note or left it (not on every caret move). */
export type OnPresenceChange = (noteId: string) => void;

/** Loads a note's document from the store and opens its room. */
export async function openRoom(options: {
  noteId: string;
  store: DocumentStore;
  authorshipStore: AuthorshipStore;
  logger: Logger;
  metrics: Metrics;
  onDocumentChange: OnDocumentChange;
  onPresenceChange?: OnPresenceChange;
}): Promise<Room> {
  const { noteId, store, authorshipStore, logger, metrics, onDocumentChange, onPresenceChange } = options;
  const doc = new Y.Doc({ gc: true });
  const [stored, authorship] = await Promise.all([
    store.loadDocument(noteId),
    loadNoteAuthorship({ noteId, store: authorshipStore, logger }),
  ]);
  if (stored !== null) Y.applyUpdate(doc, stored);
  let loadedState = stored;

  const writer = createUpdateWriter({ store, name: noteId, logger, metrics });
  const awareness = new Awareness(doc);
  // The server is not a participant: it holds others' presence but shows none of its own.
  awareness.setLocalState(null);
  // y-protocols times out silent peers on a timer per document; the server drops a peer's
  // presence when its connection closes (dead ones fail the ping), so the timer is not needed.
  clearInterval((awareness as unknown as { _checkInterval: NodeJS.Timeout })._checkInterval);
  const members = new Set<RoomMember>();
  const clientIdOf = new Map<RoomMember, number>();
  const ownerOf = new Map<number, RoomMember>();

  function broadcast(message: Uint8Array, except?: unknown): void {
    for (const member of members) if (member !== except) member.send(message);
  }

  // Updates applied within one turn of the event loop leave as one merged update: one store
  // write and one frame per member, encoded once.
  let batch: { update: Uint8Array; origin: unknown }[] = [];
  function flushBatch(): void {
    const updates = batch;
    batch = [];
    const merged = mergeAll(updates.map(({ update }) => update));
    writer.enqueue(merged);
    const toEveryone = encodeUpdateMessage(merged);
    const origins = new Set(updates.map(({ origin }) => origin));
    for (const member of members) {
      if (!origins.has(member)) {
        member.send(toEveryone);
      } else if (origins.size > 1) {
        // A member already has its own updates; it gets only the others'.
        const others = updates.filter(({ origin }) => origin !== member).map(({ update }) => update);
        member.send(encodeUpdateMessage(mergeAll(others)));
      }
    }
    metrics.messagesSent.inc(members.size);
    onDocumentChange(noteId);
  }

  // Listeners are attached after loading, so the stored state is neither rewritten nor echoed.
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    loadedState = null;
    if (batch.length === 0) setImmediate(() => batch.length > 0 && flushBatch());
    batch.push({ update, origin });
  });

  awareness.on(
    'update',
    ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_TYPE.awareness);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, changed));
      broadcast(encoding.toUint8Array(encoder), origin);
      if (added.length > 0 || removed.length > 0) onPresenceChange?.(noteId);
    },
  );

  return {
    noteId,
    doc,
    awareness,
    writer,
    authorship,
    join(member) {
      members.add(member);
    },
    leave(member) {
      members.delete(member);
      const clientId = clientIdOf.get(member);
      if (clientId === undefined) return;
      clientIdOf.delete(member);
      ownerOf.delete(clientId);
      if (awareness.getStates().has(clientId)) removeAwarenessStates(awareness, [clientId], null);
    },
    claimClientId(member, clientId) {
      const held = clientIdOf.get(member);
      if (held !== undefined) return held === clientId;
      if (ownerOf.has(clientId) || !members.has(member)) return false;
      clientIdOf.set(member, clientId);
      ownerOf.set(clientId, member);
      return true;
    },
    ownerOf: (clientId) => ownerOf.get(clientId),
    clientIdOf: (member) => clientIdOf.get(member),
    get memberCount() {
      return members.size;
    },
    get hasUnwrittenUpdates() {
      return batch.length > 0;
    },
    takeLoadedState() {
      const state = loadedState;
      loadedState = null;
      return state;
    },
    flushed() {
      if (batch.length > 0) flushBatch();
      return Promise.all([writer.flushed(), authorship.flushed()]).then(() => undefined);
    },
    destroy() {
      if (batch.length > 0) throw new Error(`room ${noteId} destroyed with updates not yet written`);
      awareness.destroy();
      doc.destroy();
    },
  };
}

function mergeAll(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
}

function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
  writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
