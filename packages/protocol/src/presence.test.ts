import { describe, expect, it } from 'vitest';
import { isSafeColor, normaliseDisplayName } from './presence.ts';

describe('presence', () => {
  it('accepts only #rrggbb colours', () => {
    expect(isSafeColor('#1f6feb')).toBe(true);
    for (const hostile of ['red', '#fff', 'url(x)', '#1f6feb; background: red', 42]) {
      expect(isSafeColor(hostile)).toBe(false);
    }
  });

  it('cleans display names', () => {
    expect(normaliseDisplayName('  Anne \n Martin ')).toBe('Anne Martin');
    expect(normaliseDisplayName('\u202eevil')).toBe('evil');
    expect(normaliseDisplayName('   ')).toBeNull();
    expect(normaliseDisplayName('x'.repeat(100))).toHaveLength(40);
  });
});
