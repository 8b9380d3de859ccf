import { describe, expect, it } from 'vitest';
import { createSaveLedger } from './save-ledger.ts';

const NOTHING = new Map<number, number>();

describe('the save ledger', () => {
  it('counts a burst of typing as one modification and a pause as the start of another', () => {
    const ledger = createSaveLedger(1000);
    for (const at of [0, 150, 300, 900, 1800]) ledger.recordEdit(at, new Map([[7, at + 1]]));
    expect(ledger.pending).toBe(1);
    ledger.recordEdit(2900, new Map([[7, 3000]]));
    ledger.recordEdit(3000, NOTHING);
    ledger.recordEdit(4500, NOTHING);
    expect(ledger.pending).toBe(3);
    expect(ledger.confirmed).toBe(false);
  });

  it('confirms the edits made before a question once it is answered, deletions included', () => {
    const ledger = createSaveLedger(1000);
    ledger.recordEdit(0, new Map([[7, 5]]));
    ledger.recordEdit(2000, NOTHING);
    ledger.asked();
    ledger.recordEdit(4000, new Map([[7, 6]]));
    ledger.answered(new Map([[7, 5]]));
    expect(ledger.pending).toBe(1);
    expect(ledger.confirmed).toBe(false);
    ledger.asked();
    ledger.answered(new Map([[7, 6]]));
    expect(ledger.pending).toBe(0);
    expect(ledger.confirmed).toBe(true);
  });

  it('keeps an edit pending when the socket that asked about it closed unanswered', () => {
    const ledger = createSaveLedger(1000);
    ledger.recordEdit(0, new Map([[7, 1]]));
    ledger.asked();
    ledger.dropQuestions();
    // The next socket asks again, after the edit, and its answer confirms it.
    ledger.asked();
    ledger.answered(new Map([[7, 1]]));
    expect(ledger.pending).toBe(0);

    ledger.recordEdit(5000, NOTHING);
    ledger.asked();
    ledger.dropQuestions();
    ledger.recordEdit(9000, NOTHING);
    expect(ledger.pending).toBe(2);
  });

  it('waits for the server to cover what an earlier tab left in the offline copy', () => {
    const ledger = createSaveLedger(1000);
    expect(ledger.confirmed).toBe(true);
    ledger.recordRestoredClocks(
      new Map([
        [3, 40],
        [4, 12],
      ]),
    );
    expect(ledger.confirmed).toBe(false);
    expect(ledger.pending).toBe(2);
    ledger.asked();
    ledger.answered(
      new Map([
        [3, 40],
        [4, 11],
        [9, 100],
      ]),
    );
    expect(ledger.pending).toBe(1);
    expect(ledger.confirmed).toBe(false);
    ledger.asked();
    ledger.answered(
      new Map([
        [3, 40],
        [4, 12],
      ]),
    );
    expect(ledger.confirmed).toBe(true);
  });

  it('does not count the page’s own clocks twice', () => {
    const ledger = createSaveLedger(1000);
    ledger.recordEdit(0, new Map([[7, 3]]));
    expect(ledger.pending).toBe(1);
  });
});
