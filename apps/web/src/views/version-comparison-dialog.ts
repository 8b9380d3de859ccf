import { createChangeMarks, createEditorExtensions } from '@plume/editor-schema';
import type { NoteAuthor, VersionComparison, VersionSummary } from '@plume/protocol';
import { Editor } from '@tiptap/core';
import type { AuthorshipApi } from '../authorship-api.ts';
import { assignAuthorColors, UNKNOWN_AUTHOR_CLASS } from '../collab/author-colors.ts';
import type { Translator } from '../i18n/translator.ts';
import { authorName, renderAuthorLegend } from './author-legend.ts';
import { describeApiError } from './describe-api-error.ts';
import { openDialog } from './dialog-frame.ts';
import { h } from './dom.ts';
import { asNoteDocument } from './note-document.ts';

/**
 * Opens the comparison of two versions of a note in a modal dialog: the newer state read-only,
 * inserted text underlined and deleted text struck through, each in the colour of the person who
 * made the change (named on hover), above a legend of everyone's tallies ("Alice : +120 / −40
 * caractères"). `to` is another version's id or `CURRENT_STATE`; `labelOf` names a version.
 * Returns a function that closes the dialog.
 */
export function openVersionComparisonDialog(deps: {
  i18n: Translator;
  authorship: Pick<AuthorshipApi, 'compare'>;
  noteId: string;
  from: VersionSummary;
  /** The version compared with `from`, or null for the note as it is now. */
  to: VersionSummary | null;
  labelOf: (version: VersionSummary) => string;
  onClosed?: () => void;
}): () => void {
  const { i18n, authorship, noteId, from, to, labelOf } = deps;
  let editor: Editor | null = null;
  let closed = false;
  const frame = openDialog({
    i18n,
    title: titleOf(from, to),
    className: 'version-dialog comparison-dialog',
    onClosed: () => {
      closed = true;
      editor?.destroy();
      editor = null;
      deps.onClosed?.();
    },
  });

  const loading = h('p', { class: 'muted', role: 'status' }, i18n.t('history.comparisonLoading'));
  const summary = h('div', { class: 'comparison-summary' });
  const content = h('div', { class: 'version-content' });
  const error = h('p', { class: 'error', role: 'alert' });
  const close = h('button', { type: 'button', class: 'secondary' }, i18n.t('common.close'));
  close.addEventListener('click', () => frame.close());
  frame.body.append(loading, summary, content, error, h('div', { class: 'dialog-actions' }, close));

  function titleOf(older: VersionSummary, newer: VersionSummary | null): string {
    return newer === null
      ? i18n.t('history.comparisonToCurrent', { from: labelOf(older) })
      : i18n.t('history.comparisonTitle', { from: labelOf(older), to: labelOf(newer) });
  }

  function show(comparison: VersionComparison): void {
    loading.remove();
    const doc = asNoteDocument(comparison.content);
    if (doc === null) {
      error.textContent = i18n.t('history.comparisonUnreadable');
      return;
    }
    // The server puts the older side first whatever the order asked: the title follows it.
    const title = frame.dialog.querySelector('h2');
    if (title) title.textContent = titleOf(comparison.from, comparison.to);
    const authors = new Map<string, NoteAuthor>(comparison.authors.map((author) => [author.id, author]));
    const colors = assignAuthorColors([
      ...authors.keys(),
      ...comparison.tallies.flatMap((tally) => (tally.author === null ? [] : [tally.author])),
    ]);
    const classOf = (author: string | null) => (author !== null && colors.get(author)) || UNKNOWN_AUTHOR_CLASS;
    summary.append(h('p', { class: 'hint comparison-note' }, i18n.t('history.comparisonHint')));
    if (comparison.tallies.length === 0) {
      summary.append(h('p', { class: 'muted comparison-note' }, i18n.t('history.comparisonNone')));
    } else {
      const entries = comparison.tallies.map((tally) => ({
        className: classOf(tally.author),
        text: i18n.t('history.tally', {
          name: authorName(i18n, tally.author, authors),
          inserted: i18n.formatNumber(tally.inserted),
          deleted: i18n.formatNumber(tally.deleted),
        }),
      }));
      summary.append(renderAuthorLegend(entries, i18n.t('history.tallies')));
    }
    editor = new Editor({
      element: content,
      editable: false,
      // As in the note's editor: the Content-Security-Policy forbids the <style> Tiptap would add.
      injectCSS: false,
      enableContentCheck: true,
      onContentError: () => {
        error.textContent = i18n.t('history.comparisonUnreadable');
      },
      extensions: [
        ...createEditorExtensions({
          taskCheckboxLabel: (text) => (text.trim() ? i18n.t('editor.task', { text }) : i18n.t('editor.taskEmpty')),
        }),
        ...createChangeMarks({
          describe: (kind, author) => ({
            className: classOf(author),
            title:
              author === null
                ? i18n.t(kind === 'inserted' ? 'history.insertedUnknown' : 'history.deletedUnknown')
                : i18n.t(kind === 'inserted' ? 'history.insertedBy' : 'history.deletedBy', {
                    name: authorName(i18n, author, authors),
                  }),
          }),
        }),
      ],
      content: doc,
      editorProps: {
        attributes: {
          'aria-label': i18n.t('history.comparisonLabel'),
          'aria-readonly': 'true',
          'aria-multiline': 'true',
          role: 'textbox',
          // Read-only text is still scrolled and read from the keyboard.
          tabindex: '0',
          lang: 'fr',
        },
      },
    });
  }

  authorship.compare(noteId, from.id, to?.id).then(
    (comparison) => {
      if (!closed) show(comparison);
    },
    (failure: unknown) => {
      if (closed) return;
      loading.remove();
      error.textContent = i18n.t('history.comparisonFailed', { reason: describeApiError(failure, i18n) });
    },
  );
  return () => frame.close();
}
