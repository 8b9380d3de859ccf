import { escapeHtml } from './html-escape.ts';
import { inlineHtml } from './note-body-html.ts';
import type { PackNoteChanges, PrintLanguage } from './print-types.ts';
import { printedDate, printWords } from './print-words.ts';

/**
 * The pack's page "changed since the last pack", to follow the table of contents: per note, the
 * pack it is compared with, who changed how many characters, and the changed passages with
 * insertions as `<ins>` and deletions as `<del>`, each run followed by its author's name. Like the
 * cover and the contents it uses no heading element, so the PDF outline keeps one entry per note.
 * Every text is escaped.
 */
export function packChangesHtml(changes: readonly PackNoteChanges[], language: PrintLanguage): string {
  const words = printWords(language).changes;
  const entries = changes.map((note) => {
    const since = note.since
      ? `<p class="changes-since">${escapeHtml(words.since(note.since.title, printedDate(note.since.date, language)))}</p>`
      : '';
    return `<li class="changes-note changes-${note.state}">
<p class="changes-title">${escapeHtml(note.title)} <span class="changes-state">${escapeHtml(stateWord(note, words))}</span></p>
${since}${note.state === 'changed' ? changedHtml(note, words) : ''}
</li>`;
  });
  return `<section class="changes">
<p class="changes-heading">${escapeHtml(words.heading)}</p>
<ol>
${entries.join('\n')}
</ol>
</section>`;
}

type ChangesWords = ReturnType<typeof printWords>['changes'];

function stateWord(note: PackNoteChanges, words: ChangesWords): string {
  switch (note.state) {
    case 'new':
      return words.newNote;
    case 'unchanged':
      return words.unchanged;
    case 'lost':
      return words.lost;
    case 'changed':
      return '';
  }
}

function changedHtml(note: PackNoteChanges, words: ChangesWords): string {
  const nameOf = (author: string | null) => (author === null ? undefined : note.authors[author]) ?? words.unknownAuthor;
  const tallies = note.tallies
    .map((tally) => `<li>${escapeHtml(words.tally(tally.name, tally.inserted, tally.deleted))}</li>`)
    .join('');
  const passages = note.passages
    .map((passage) => `<p class="changes-passage">${inlineHtml(passage, { changeAuthor: nameOf })}</p>`)
    .join('\n');
  const omitted = note.omitted > 0 ? `<p class="changes-omitted">${escapeHtml(words.omitted(note.omitted))}</p>` : '';
  return `<ul class="changes-tallies">${tallies}</ul>
${passages}
${omitted}`;
}
