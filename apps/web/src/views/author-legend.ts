import { GUEST_AUTHOR_PREFIX, type NoteAuthor } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';

/** One line of an author legend: the class that gives it the author's colour, and its text. */
export type LegendEntry = { className: string; text: string };

/**
 * What an author is called: their account's name; "Invité·e" for someone who came through a share
 * link; for null, text written before authorship was recorded.
 */
export function authorName(
  i18n: Translator,
  authorId: string | null,
  authors: ReadonlyMap<string, NoteAuthor>,
): string {
  if (authorId === null) return i18n.t('authorship.unknown');
  const name = authors.get(authorId)?.name;
  if (name) return name;
  return authorId.startsWith(GUEST_AUTHOR_PREFIX) ? i18n.t('authorship.guest') : i18n.t('authorship.someone');
}

/** A list of authors, each after a swatch of their colour, named `label` for assistive technologies. */
export function renderAuthorLegend(entries: readonly LegendEntry[], label: string): HTMLUListElement {
  return h(
    'ul',
    { class: 'author-legend', 'aria-label': label },
    ...entries.map((entry) => h('li', { class: `author-legend-entry ${entry.className}` }, entry.text)),
  );
}
