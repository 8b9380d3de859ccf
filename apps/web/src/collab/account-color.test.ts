import { isSafeColor, PRESENCE_COLORS } from '@plume/protocol';
import { describe, expect, it } from 'vitest';
import { accountColor } from './account-color.ts';

describe('accountColor', () => {
  it('gives one account the same presence colour every time', () => {
    expect(accountColor('u_123')).toBe(accountColor('u_123'));
    expect(isSafeColor(accountColor(''))).toBe(true);
  });

  it('spreads accounts over the palette', () => {
    const used = new Set(Array.from({ length: 200 }, (_, index) => accountColor(`user-${index}`)));
    expect(used.size).toBe(PRESENCE_COLORS.length);
  });
});
