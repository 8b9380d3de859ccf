import { PRESENCE_COLORS } from '@plume/protocol';
import { describe, expect, it } from 'vitest';
import { accountColor } from './account-color.ts';
import { assignAuthorColors, authorColorClass, UNKNOWN_AUTHOR_CLASS } from './author-colors.ts';

describe('assignAuthorColors', () => {
  it('gives a lone author their presence colour', () => {
    const index = PRESENCE_COLORS.indexOf(accountColor('u_alice') as (typeof PRESENCE_COLORS)[number]);
    expect(assignAuthorColors(['u_alice']).get('u_alice')).toBe(`author-color-${index}`);
  });

  it('gives as many authors as the palette holds a colour each, the same in any order', () => {
    const ids = Array.from({ length: PRESENCE_COLORS.length }, (_, index) => `user-${index}`);
    const classes = assignAuthorColors(ids);
    expect(new Set(classes.values()).size).toBe(PRESENCE_COLORS.length);
    expect(assignAuthorColors([...ids].reverse())).toEqual(classes);
  });

  it('still colours everyone once the palette runs out', () => {
    const ids = Array.from({ length: PRESENCE_COLORS.length + 3 }, (_, index) => `guest:${index}`);
    expect([...assignAuthorColors(ids).values()].every((name) => /^author-color-\d$/.test(name))).toBe(true);
  });
});

// The web project is typed without Node, but its tests run in Node: the file is read through a
// module name TypeScript does not resolve. (Vitest hands `?raw` CSS over empty.)
async function readStyles(): Promise<string> {
  const fs = 'node:fs/promises';
  const { readFile } = (await import(/* @vite-ignore */ fs)) as {
    readFile: (path: URL, encoding: 'utf8') => Promise<string>;
  };
  return readFile(new URL('../styles.css', import.meta.url), 'utf8');
}

describe('the author colour classes in styles.css', () => {
  it('define every presence colour, in the palette order', async () => {
    const css = await readStyles();
    PRESENCE_COLORS.forEach((color, index) => {
      expect(css).toContain(`.${authorColorClass(index)} {\n  --author-color: ${color};\n}`);
    });
    expect(css).toContain(`.${UNKNOWN_AUTHOR_CLASS} {`);
  });
});
