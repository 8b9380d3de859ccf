import { MESSAGE_TYPE } from '@plume/protocol';
import type * as Y from 'yjs';
import type { NoteConnection } from './connect-note.ts';
import { createSaveLedger } from './save-ledger.ts';
import { type SaveStatus, saveStatusOf } from './save-status.ts';
import { readStoredAnswer, STORED_QUESTION } from './stored-answer.ts';

/** How long after the last edit the page asks the server whether it has stored it, in milliseconds. */
const ASK_DELAY_MS = 400;

/** What the status line shows: the state, and how many modifications wait for the server. */
export type SaveState = { readonly status: SaveStatus; readonly pending: number };

/** A running watch over a note's saving. */
export type SaveWatch = {
  /** Whether the server has confirmed storing every change from this browser (always, for a reader). */
  readonly confirmed: boolean;
  stop(): void;
};

/**
 * Follows the person's edits to a note until the server confirms it has stored them: it asks
 * (Plume's `stored` message) a moment after each edit and after each sync, and calls `onChange`
 * with the state now and whenever the state or the number of pending modifications changes.
 */
export function watchSaveState(
  connection: NoteConnection,
  options: { readOnly: boolean; onChange: (state: SaveState) => void },
): SaveWatch {
  const { doc, provider } = connection;
  const { readOnly, onChange } = options;
  const ledger = createSaveLedger();
  let hasSynced = false;
  let stopped = false;
  let askTimer: ReturnType<typeof setTimeout> | null = null;
  let last: SaveState | null = null;

  const update = () => {
    const status = saveStatusOf({
      refused: connection.refusedWith !== null,
      connected: provider.wsconnected && navigator.onLine,
      hasSynced,
      attemptFailed: provider.wsUnsuccessfulReconnects > 0 || !navigator.onLine,
      confirmed: ledger.confirmed,
      readOnly,
    });
    const pending = readOnly ? 0 : ledger.pending;
    if (last?.status === status && last.pending === pending) return;
    last = { status, pending };
    onChange(last);
  };

  const ask = () => {
    if (askTimer !== null) clearTimeout(askTimer);
    askTimer = null;
    // Before the sync the server may still lack what was typed offline; the sync asks for itself.
    // A socket that the browser holds while offline delivers the question once back online.
    if (readOnly || !provider.synced || !provider.wsconnected || !provider.ws) return;
    // Changes wait for the end of their frame before they are sent: they must go before the
    // question, whose answer covers every edit recorded so far.
    connection.flush();
    provider.ws.send(STORED_QUESTION);
    ledger.asked();
  };
  const askSoon = () => {
    if (askTimer !== null) clearTimeout(askTimer);
    askTimer = setTimeout(ask, ASK_DELAY_MS);
  };

  const onTransaction = (transaction: Y.Transaction) => {
    // What the server sent it already has; everything else must be confirmed.
    if (transaction.origin === provider) return;
    const clocks = movedClocks(transaction);
    if (clocks.size === 0 && transaction.deleteSet.clients.size === 0) return;
    // The person's own edits are local transactions; the offline copy's are not.
    if (transaction.local) ledger.recordEdit(performance.now(), clocks);
    else ledger.recordRestoredClocks(clocks);
    askSoon();
    update();
  };
  const onSync = (isSynced: boolean) => {
    if (!isSynced) return;
    hasSynced = true;
    // The server's step 2 comes after its step 1, whose answer carried this browser's changes:
    // a question asked now is answered once they are stored.
    ask();
    update();
  };
  const onConnectionClose = () => {
    ledger.dropQuestions();
    update();
  };
  provider.messageHandlers[MESSAGE_TYPE.stored] = (_encoder, decoder) => {
    if (stopped) return;
    ledger.answered(readStoredAnswer(decoder.arr.subarray(decoder.pos)));
    update();
  };

  doc.on('afterTransaction', onTransaction);
  provider.on('sync', onSync);
  provider.on('connection-close', onConnectionClose);
  const events = ['status', 'connection-error', 'closed'] as const;
  for (const event of events) provider.on(event, update);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();

  return {
    get confirmed() {
      return readOnly || ledger.confirmed;
    },
    stop() {
      stopped = true;
      if (askTimer !== null) clearTimeout(askTimer);
      doc.off('afterTransaction', onTransaction);
      provider.off('sync', onSync);
      provider.off('connection-close', onConnectionClose);
      for (const event of events) provider.off(event, update);
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    },
  };
}

function movedClocks(transaction: Y.Transaction): Map<number, number> {
  const moved = new Map<number, number>();
  for (const [client, clock] of transaction.afterState) {
    if (clock > (transaction.beforeState.get(client) ?? 0)) moved.set(client, clock);
  }
  return moved;
}
