import { PRESENCE_COLORS } from '@plume/protocol';
import { accountColor } from './account-color.ts';

/** Class of text whose author is not known (written before authorship was recorded): neutral grey. */
export const UNKNOWN_AUTHOR_CLASS = 'author-unknown';

/** The class styles.css colours like the `index`th presence colour: `author-color-<index>`. */
export function authorColorClass(index: number): string {
  return `author-color-${index}`;
}

/**
 * The colour class of each author id: their presence colour (`accountColor`) when no one else in
 * the list has it, else the next free one, so that up to `PRESENCE_COLORS.length` authors never
 * share a colour. Ids are served in sorted order, so every browser given the same ids agrees.
 */
export function assignAuthorColors(authorIds: Iterable<string>): Map<string, string> {
  const ids = [...new Set(authorIds)].sort();
  const size = PRESENCE_COLORS.length;
  const taken = new Set<number>();
  const classes = new Map<string, string>();
  for (const id of ids) {
    let index = Math.max(0, PRESENCE_COLORS.indexOf(accountColor(id) as (typeof PRESENCE_COLORS)[number]));
    // Past the palette's size colours repeat; until then, a taken colour passes to the next.
    for (let step = 0; step < size && taken.has(index); step += 1) index = (index + 1) % size;
    taken.add(index);
    classes.set(id, authorColorClass(index));
  }
  return classes;
}
