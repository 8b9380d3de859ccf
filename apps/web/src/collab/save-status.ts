/** What the status line tells the person about their edits and the link to the server. */
export type SaveStatus = 'saved' | 'saving' | 'offline' | 'connecting' | 'refused';

/** What the status is derived from, as the page sees it now. */
export type SaveFacts = {
  /** The server refused the note for good. */
  refused: boolean;
  /** The socket is open and the browser says it is online. */
  connected: boolean;
  /** A connection has synced since the page opened. */
  hasSynced: boolean;
  /** An attempt to connect has failed, or the browser says it is offline. */
  attemptFailed: boolean;
  /** The server has confirmed storing every change from this browser. */
  confirmed: boolean;
  /** The person may only read: nothing of theirs waits to be saved. */
  readOnly: boolean;
};

/** Derives the status line's state; "saved" only once the server has confirmed every edit. */
export function saveStatusOf(facts: SaveFacts): SaveStatus {
  if (facts.refused) return 'refused';
  // Before the first attempt has failed, the page is still connecting, not offline.
  if (!facts.connected) return facts.hasSynced || facts.attemptFailed ? 'offline' : 'connecting';
  if (!facts.hasSynced) return 'connecting';
  return facts.readOnly || facts.confirmed ? 'saved' : 'saving';
}
