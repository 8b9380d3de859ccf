import { createEditorExtensions } from '@plume/editor-schema';
import type { VersionSummary } from '@plume/protocol';
import { Editor } from '@tiptap/core';
import type { Translator } from '../i18n/translator.ts';
import type { VersionsApi } from '../versions-api.ts';
import { askToConfirm } from './confirm-dialog.ts';
import { describeApiError } from './describe-api-error.ts';
import { openDialog } from './dialog-frame.ts';
import { h } from './dom.ts';
import { createExportMenu } from './export-menu.ts';
import { asNoteDocument } from './note-document.ts';

/**
 * Opens one version of a note in a modal dialog, read-only: its content drawn by a Tiptap editor
 * built from the note's own schema, without collaboration, so nothing typed could reach the note.
 * Editors and owners (`canRestore`) get "Restaurer cette version", asked to confirm first; once the
 * server has restored it, the dialog closes and `onRestored` receives the new `restored` version.
 * Everyone who may read it can download it with "Exporter cette version", in the note's formats.
 * Returns a function that closes the dialog.
 */
export function openVersionDialog(deps: {
  i18n: Translator;
  versions: Pick<VersionsApi, 'get' | 'restore'>;
  noteId: string;
  version: VersionSummary;
  /** What people call this version: its name, else its date. */
  label: string;
  canRestore: boolean;
  onRestored: (restored: VersionSummary) => void;
  onClosed?: () => void;
}): () => void {
  const { i18n, versions, noteId, version, label, canRestore, onRestored } = deps;
  let editor: Editor | null = null;
  let closeConfirm: (() => void) | null = null;
  let closed = false;
  const frame = openDialog({
    i18n,
    title: label,
    className: 'version-dialog',
    onClosed: () => {
      closed = true;
      closeConfirm?.();
      editor?.destroy();
      editor = null;
      deps.onClosed?.();
    },
  });

  const meta = [
    i18n.formatLongDateTime(version.createdAt),
    i18n.t(`history.kind.${version.kind}`),
    i18n.tCount('notes.words', version.wordCount),
  ].join(' · ');
  const loading = h('p', { class: 'muted', role: 'status' }, i18n.t('history.versionLoading'));
  const content = h('div', { class: 'version-content' });
  const error = h('p', { class: 'error', role: 'alert' });
  const close = h('button', { type: 'button', class: 'secondary' }, i18n.t('common.close'));
  close.addEventListener('click', () => frame.close());
  const actions = h(
    'div',
    { class: 'dialog-actions' },
    createExportMenu({ i18n, noteId, versionId: version.id }),
    close,
  );
  if (canRestore) {
    const restore = h(
      'button',
      { type: 'button', class: 'primary', 'aria-haspopup': 'dialog' },
      i18n.t('history.restore'),
    );
    restore.addEventListener('click', () => {
      error.textContent = '';
      closeConfirm = askToConfirm({
        i18n,
        title: i18n.t('history.restoreTitle'),
        message: i18n.t('history.restoreMessage', { version: label }),
        confirmLabel: i18n.t('history.restoreConfirm'),
        onConfirm: () => runRestore(restore),
      });
    });
    actions.append(restore);
  }
  frame.body.append(h('p', { class: 'version-meta' }, meta), loading, content, error, actions);

  function runRestore(button: HTMLButtonElement): void {
    closeConfirm = null;
    button.disabled = true;
    versions.restore(noteId, version.id).then(
      (restored) => {
        frame.close();
        onRestored(restored);
      },
      (failure: unknown) => {
        button.disabled = false;
        if (!closed) error.textContent = i18n.t('history.failed', { reason: describeApiError(failure, i18n) });
      },
    );
  }

  function show(json: unknown): void {
    loading.remove();
    const doc = asNoteDocument(json);
    if (doc === null) {
      error.textContent = i18n.t('history.versionUnreadable');
      return;
    }
    editor = new Editor({
      element: content,
      editable: false,
      // As in the note's editor: the Content-Security-Policy forbids the <style> Tiptap would add.
      injectCSS: false,
      // Content the schema refuses is reported rather than silently replaced by an empty page.
      enableContentCheck: true,
      onContentError: () => {
        error.textContent = i18n.t('history.versionUnreadable');
      },
      extensions: createEditorExtensions({
        taskCheckboxLabel: (text) => (text.trim() ? i18n.t('editor.task', { text }) : i18n.t('editor.taskEmpty')),
      }),
      content: doc,
      editorProps: {
        attributes: {
          'aria-label': i18n.t('history.versionLabel'),
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

  versions.get(noteId, version.id).then(
    (detail) => {
      if (!closed) show(detail.content);
    },
    (failure: unknown) => {
      if (closed) return;
      loading.remove();
      error.textContent = i18n.t('history.versionFailed', { reason: describeApiError(failure, i18n) });
    },
  );
  return () => frame.close();
}
