import { describe, expect, it } from 'vitest';
import { tokenFromFragment } from './token-from-fragment.ts';

const TOKEN = 'q3Zk_8vX-2mNpL0aBcDeFgHiJkLmNoPqRsTuVwXyZ01';

describe('tokenFromFragment', () => {
  it('reads the token after the hash', () => {
    expect(tokenFromFragment(`#${TOKEN}`)).toBe(TOKEN);
  });

  it('accepts a "token=" key and percent-encoding', () => {
    expect(tokenFromFragment(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromFragment(`#${TOKEN.replace('_', '%5F')}`)).toBe(TOKEN);
  });

  it.each(['', '#', '#short', `#${TOKEN}<script>`, '#%E0%A4%A', `#${'a'.repeat(101)}`])(
    'finds no token in %j',
    (hash) => {
      expect(tokenFromFragment(hash)).toBeNull();
    },
  );
});
