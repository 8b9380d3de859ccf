import type { NoteDetail } from '@plume/protocol';
import type * as Y from 'yjs';
import type { Translator } from '../i18n/translator.ts';
import type { NotesApi } from '../notes-api.ts';
import { type VersionsApi, versionsApi } from '../versions-api.ts';
import { h } from './dom.ts';
import type { HistoryPanel } from './history-panel.ts';

/** The "Historique" disclosure of a note's page; `follow` ties it to the note's live document. */
export type NoteHistory = {
  readonly element: HTMLElement;
  /** Refreshes the versions as `doc` changes; returns the function that stops and removes the panel. */
  follow(doc: Y.Doc): () => void;
};

/**
 * "Historique", closed at first under the outline: the panel and its dialogs are loaded with
 * `import()` the first time it is opened, so the editor page's own bundle stays as it was. Closed
 * again, the panel stops fetching; reopened, it fetches the versions at once.
 */
export function createNoteHistory(deps: {
  i18n: Translator;
  note: NoteDetail;
  notes: NotesApi;
  /** The versions API; the browser's own unless a test passes another. */
  versions?: VersionsApi;
}): NoteHistory {
  const { i18n, note, notes, versions = versionsApi } = deps;
  const content = h('div', { class: 'history-panel' });
  const element = h(
    'details',
    { class: 'note-history' },
    h('summary', { class: 'history-summary' }, i18n.t('history.title')),
    content,
  );
  let panel: HistoryPanel | null = null;
  let loading = false;
  let stopped = false;

  function load(): void {
    loading = true;
    content.replaceChildren(h('p', { class: 'muted', role: 'status' }, i18n.t('history.loading')));
    import('./history-panel.ts').then(
      ({ mountHistoryPanel }) => {
        loading = false;
        if (stopped) return;
        panel = mountHistoryPanel(content, { i18n, note, notes, versions, isShown: () => element.open });
      },
      // Offline, or a new release replaced the file: the next opening tries again.
      () => {
        loading = false;
        if (!stopped) content.replaceChildren(h('p', { class: 'error', role: 'alert' }, i18n.t('history.unavailable')));
      },
    );
  }

  element.addEventListener('toggle', () => {
    if (!element.open || loading) return;
    if (panel) panel.refresh();
    else load();
  });

  return {
    element,
    follow(doc) {
      const onUpdate = () => {
        if (element.open) panel?.noteChanged();
      };
      doc.on('update', onUpdate);
      return () => {
        stopped = true;
        doc.off('update', onUpdate);
        panel?.dispose();
        panel = null;
      };
    },
  };
}
