import { IMPORT_MAX_BYTES, IMPORT_MEDIA_TYPES, type ImportKind, type NoteDetail } from '@plume/protocol';
import { ApiCallError, callApi } from '../api-client.ts';
import type { Translator } from '../i18n/translator.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';

// What the file picker offers, and the kind of file each extension holds: browsers give no media
// type for Markdown, so the extension decides.
const KIND_BY_EXTENSION: Record<string, ImportKind> = {
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  docx: 'docx',
  txt: 'text',
};
const ACCEPT = Object.keys(KIND_BY_EXTENSION)
  .map((extension) => `.${extension}`)
  .join(',');

/**
 * The "Importer un fichier" control of the notes page: a button opening a file picker for
 * Markdown, HTML, Word and text files; the file becomes a new note, opened by `onImported`, and a
 * refusal shows the server's own message next to the button.
 */
export function createImportNote(options: { i18n: Translator; onImported: (note: NoteDetail) => void }): HTMLElement {
  const { i18n, onImported } = options;
  const input = h('input', {
    type: 'file',
    accept: ACCEPT,
    class: 'visually-hidden',
    tabindex: '-1',
    'aria-hidden': 'true',
  });
  const button = h('button', { type: 'button', class: 'secondary' }, i18n.t('import.button'));
  const status = h('p', { class: 'import-status', role: 'status', 'aria-live': 'polite' });
  button.addEventListener('click', () => input.click());

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const kind = KIND_BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''];
    status.classList.remove('error');
    if (!kind) return showError(i18n.t('import.unsupported'));
    if (file.size > IMPORT_MAX_BYTES) return showError(i18n.t('import.tooLarge'));
    button.disabled = true;
    status.textContent = i18n.t('import.working', { name: file.name });
    callApi<NoteDetail>('/api/notes/import', {
      method: 'POST',
      headers: { 'content-type': IMPORT_MEDIA_TYPES[kind] },
      body: file,
    }).then(
      (note) => {
        button.disabled = false;
        status.textContent = '';
        onImported(note);
      },
      (error: unknown) => {
        button.disabled = false;
        showError(i18n.t('import.failed', { reason: reasonOf(error) }));
      },
    );
  });

  function showError(message: string): void {
    status.classList.add('error');
    status.textContent = message;
    button.focus();
  }

  // An import refusal carries the server's precise words, in French and English; others are translated.
  function reasonOf(error: unknown): string {
    if (error instanceof ApiCallError && error.code?.startsWith('import')) return error.message;
    return describeApiError(error, i18n);
  }

  return h('div', { class: 'import-note' }, button, input, status);
}
