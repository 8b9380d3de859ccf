import { describe, expect, it } from 'vitest';
import { CLOSE_CODE, isFinalCloseCode } from './collab.ts';

describe('close codes', () => {
  it('are distinct', () => {
    const codes = Object.values(CLOSE_CODE).map(({ code }) => code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('mark refusals as final and transient failures as retryable', () => {
    expect(isFinalCloseCode(CLOSE_CODE.invalidNoteId.code)).toBe(true);
    expect(isFinalCloseCode(CLOSE_CODE.noteNotFound.code)).toBe(true);
    expect(isFinalCloseCode(CLOSE_CODE.malformedMessage.code)).toBe(true);
    expect(isFinalCloseCode(CLOSE_CODE.storageUnavailable.code)).toBe(false);
    expect(isFinalCloseCode(CLOSE_CODE.serverShuttingDown.code)).toBe(false);
  });

  it('send plain ASCII reasons that fit a close frame', () => {
    // A close frame carries at most 123 bytes of reason.
    for (const { reason } of Object.values(CLOSE_CODE)) expect(reason).toMatch(/^[\x20-\x7e]{1,123}$/);
  });
});
