import { PASSWORD_MIN_LENGTH } from '@plume/protocol';
import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './new-password-check.ts';

describe('checkNewPassword', () => {
  const good = 'correct horse battery';

  it('accepts a long enough password typed the same twice', () => {
    expect(checkNewPassword(good, good)).toBeNull();
  });

  it('says what is wrong otherwise', () => {
    const short = 'x'.repeat(PASSWORD_MIN_LENGTH - 1);
    expect(checkNewPassword(short, short)).toBe('tooShort');
    expect(checkNewPassword('y'.repeat(300), 'y'.repeat(300))).toBe('tooLong');
    expect(checkNewPassword(good, `${good} `)).toBe('mismatch');
  });
});
