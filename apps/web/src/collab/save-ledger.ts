import { coversStateVector, type StateVector } from './stored-answer.ts';

/** Edits less than this many milliseconds apart make one modification, as one burst of typing does. */
export const BURST_GAP_MS = 1000;

/**
 * What a page knows about which of its changes the server has stored. Questions are answered in
 * the order they were asked on one socket, so an answer confirms every edit made before its
 * question, deletions included; the answer's state vector must also cover every clock that
 * reached the document from this browser rather than from the server (its own edits, and those
 * the offline copy brought back from an earlier tab).
 */
export type SaveLedger = {
  /**
   * Records one change the person made, at `at` milliseconds on any steady clock, and the clocks it
   * moved (none for a deletion).
   */
  recordEdit(at: number, clocks: StateVector): void;
  /** Records clocks the offline copy brought back: the server must confirm them too. */
  recordRestoredClocks(clocks: StateVector): void;
  /** Records that a question has just been sent: it covers every edit recorded so far. */
  asked(): void;
  /** Records the answer to the oldest open question: the state vector the server has stored. */
  answered(stored: StateVector): void;
  /** Forgets the open questions: their socket closed, so they will never be answered. */
  dropQuestions(): void;
  /** Modifications the server has not confirmed: bursts of editing, plus one per earlier tab whose edits it lacks. */
  readonly pending: number;
  /** Whether the server has confirmed every change from this browser. */
  readonly confirmed: boolean;
};

/** Creates an empty ledger. */
export function createSaveLedger(burstGapMs = BURST_GAP_MS): SaveLedger {
  let editCount = 0;
  let confirmedCount = 0;
  // Each burst remembers its last edit: it is confirmed once a question asked after that is answered.
  const bursts: Array<{ lastAt: number; lastEdit: number }> = [];
  const questions: number[] = [];
  const localClocks = new Map<number, number>();
  // Client ids this page edited under; the others in localClocks are earlier tabs'.
  const ownClients = new Set<number>();
  let stored: StateVector = new Map();

  const recordClocks = (clocks: StateVector) => {
    for (const [client, clock] of clocks) {
      if (clock > (localClocks.get(client) ?? 0)) localClocks.set(client, clock);
    }
  };

  const dropConfirmedBursts = () => {
    while (bursts.length > 0 && (bursts[0]?.lastEdit ?? 0) <= confirmedCount) bursts.shift();
  };

  return {
    recordEdit(at, clocks) {
      editCount += 1;
      recordClocks(clocks);
      for (const client of clocks.keys()) ownClients.add(client);
      const last = bursts.at(-1);
      if (last && at - last.lastAt < burstGapMs) {
        last.lastAt = at;
        last.lastEdit = editCount;
      } else {
        bursts.push({ lastAt: at, lastEdit: editCount });
      }
    },
    recordRestoredClocks: recordClocks,
    asked() {
      questions.push(editCount);
    },
    answered(answer) {
      const coveredEdits = questions.shift();
      if (coveredEdits !== undefined) confirmedCount = Math.max(confirmedCount, coveredEdits);
      stored = answer;
      dropConfirmedBursts();
    },
    dropQuestions() {
      questions.length = 0;
    },
    get pending() {
      let earlierTabs = 0;
      for (const [client, clock] of localClocks) {
        if (!ownClients.has(client) && (stored.get(client) ?? 0) < clock) earlierTabs += 1;
      }
      return bursts.length + earlierTabs;
    },
    get confirmed() {
      return bursts.length === 0 && coversStateVector(stored, localClocks);
    },
  };
}
