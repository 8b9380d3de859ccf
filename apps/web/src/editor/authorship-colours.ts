import { DOCUMENT_FIELD } from '@plume/editor-schema';
import type { NoteAuthor, NoteAuthorsResponse } from '@plume/protocol';
import type { Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import type { AuthorshipApi } from '../authorship-api.ts';
import { assignAuthorColors, UNKNOWN_AUTHOR_CLASS } from '../collab/author-colors.ts';
import { type AuthorRange, authorRanges, clientRuns } from '../collab/authorship-ranges.ts';
import type { Translator } from '../i18n/translator.ts';
import { throttle } from '../throttle.ts';
import { authorName, type LegendEntry, renderAuthorLegend } from '../views/author-legend.ts';
import { describeApiError } from '../views/describe-api-error.ts';
import { h } from '../views/dom.ts';

/** While the note changes, the colours are drawn again at most this often, in idle time (ms). */
const REDRAW_INTERVAL_MS = 400;

/** Authors are fetched again, to name a client not seen before, at most this often (ms). */
const REFETCH_INTERVAL_MS = 5_000;

/**
 * A client id nobody names after this many fetches is left unknown: text typed before authorship
 * was recorded will never be named, and must not keep the page asking.
 */
const MAX_ASKS_PER_CLIENT = 3;

const KEY = new PluginKey<DecorationSet>('authorshipColours');

/**
 * Colours each run of text in the note's editor after the person who wrote it, and lists their
 * names with their colours in `legend`, until the returned function is called. The runs come from
 * the editor's Y.Doc (`clientRuns`) and their authors from the server (`authorship.authors`),
 * fetched again when text from an unknown client appears; one's own client is known at once.
 * Everything runs in idle time, a few times a second at most, so typing is never slowed down.
 */
export function startAuthorshipColours(deps: {
  editor: Editor;
  doc: Y.Doc;
  noteId: string;
  /** The signed-in account's id, or null for a share-link guest. */
  accountId: string | null;
  i18n: Translator;
  authorship: Pick<AuthorshipApi, 'authors'>;
  legend: HTMLElement;
}): () => void {
  const { editor, doc, noteId, accountId, i18n, authorship, legend } = deps;
  const schema = editor.schema;
  const isLeaf = (name: string) => schema.nodes[name]?.isLeaf ?? false;
  let authors = new Map<string, NoteAuthor>();
  let clients = new Map<number, string>();
  let colors = new Map<string, string>();
  let known = false;
  let stopped = false;
  let idle = 0;
  let fetching = false;
  let lastFetch = Number.NEGATIVE_INFINITY;
  let refetchTimer: ReturnType<typeof setTimeout> | null = null;
  let legendKey = '';
  const asks = new Map<number, number>();

  editor.registerPlugin(
    new Plugin<DecorationSet>({
      key: KEY,
      state: {
        init: () => DecorationSet.empty,
        // Between two drawings the colours follow the text as it moves.
        apply: (tr, set) => tr.getMeta(KEY) ?? (tr.docChanged ? set.map(tr.mapping, tr.doc) : set),
      },
      props: { decorations: (state) => KEY.getState(state) },
    }),
  );
  legend.hidden = false;
  legend.replaceChildren(h('p', { class: 'muted authorship-note', role: 'status' }, i18n.t('authorship.loading')));

  function learn(answer: NoteAuthorsResponse): void {
    authors = new Map(answer.authors.map((author) => [author.id, author]));
    clients = new Map(answer.authors.flatMap((author) => author.clientIds.map((id) => [id, author.id] as const)));
    colors = assignAuthorColors([...authors.keys(), ...(accountId ? [accountId] : [])]);
    known = true;
  }

  function fetchAuthors(): void {
    if (fetching || stopped) return;
    fetching = true;
    lastFetch = Date.now();
    authorship.authors(noteId).then(
      (answer) => {
        fetching = false;
        if (stopped) return;
        learn(answer);
        redraw.call();
      },
      (failure: unknown) => {
        fetching = false;
        if (stopped) return;
        legendKey = '';
        legend.replaceChildren(
          h(
            'p',
            { class: 'error authorship-note', role: 'alert' },
            i18n.t('authorship.failed', { reason: describeApiError(failure, i18n) }),
          ),
        );
      },
    );
  }

  // Someone new wrote, or the server had not yet heard of a client when last asked.
  function askAbout(unknown: ReadonlySet<number>): void {
    const worthAsking = [...unknown].filter((id) => (asks.get(id) ?? 0) < MAX_ASKS_PER_CLIENT);
    if (worthAsking.length === 0 || fetching || refetchTimer !== null) return;
    const wait = lastFetch + REFETCH_INTERVAL_MS - Date.now();
    const ask = () => {
      refetchTimer = null;
      for (const id of worthAsking) asks.set(id, (asks.get(id) ?? 0) + 1);
      fetchAuthors();
    };
    if (wait <= 0) ask();
    else refetchTimer = setTimeout(ask, wait);
  }

  function authorOf(clientId: number): string | undefined {
    // One's own edits may reach the server after the authors were fetched: they are known here.
    if (clientId === doc.clientID && accountId !== null) return accountId;
    return clients.get(clientId);
  }

  function draw(): void {
    idle = 0;
    if (stopped || editor.isDestroyed) return;
    // The first fetch failed (offline, say): the next edit tries again, as often as unknown clients do.
    if (!known) {
      if (Date.now() - lastFetch >= REFETCH_INTERVAL_MS) fetchAuthors();
      return;
    }
    const { state } = editor;
    const walked = clientRuns(doc.getXmlFragment(DOCUMENT_FIELD), isLeaf);
    // A document the walk cannot place exactly gets no colours rather than wrong ones.
    const ranges: AuthorRange[] =
      walked && walked.size === state.doc.content.size ? authorRanges(walked.runs, authorOf) : [];
    const unknownClients = new Set(walked?.runs.flatMap((run) => (authorOf(run.clientId) ? [] : [run.clientId])) ?? []);
    const decorations = ranges.map((range) =>
      Decoration.inline(range.from, range.to, { class: `author-run ${classOf(range.author)}` }),
    );
    editor.view.dispatch(state.tr.setMeta(KEY, DecorationSet.create(state.doc, decorations)));
    showLegend(ranges);
    askAbout(unknownClients);
  }

  function classOf(author: string | null): string {
    return (author !== null && colors.get(author)) || UNKNOWN_AUTHOR_CLASS;
  }

  // The authors whose text is in the note now, in the order their text first comes.
  function showLegend(ranges: readonly AuthorRange[]): void {
    const shown = [...new Set(ranges.map((range) => range.author))];
    const entries: LegendEntry[] = shown.map((author) => ({
      className: classOf(author),
      text: authorName(i18n, author, authors),
    }));
    const key = JSON.stringify(entries);
    if (key === legendKey) return;
    legendKey = key;
    legend.replaceChildren(
      entries.length > 0
        ? renderAuthorLegend(entries, i18n.t('authorship.legend'))
        : h('p', { class: 'muted authorship-note' }, i18n.t('authorship.empty')),
    );
  }

  // The walk costs a few milliseconds on a long note: it waits until the browser is idle.
  const redraw = throttle(() => {
    idle ||= requestIdleCallback(draw, { timeout: REDRAW_INTERVAL_MS * 2 });
  }, REDRAW_INTERVAL_MS);
  const onUpdate = () => redraw.call();
  editor.on('update', onUpdate);
  fetchAuthors();

  return () => {
    stopped = true;
    editor.off('update', onUpdate);
    redraw.cancel();
    cancelIdleCallback(idle);
    if (refetchTimer !== null) clearTimeout(refetchTimer);
    if (!editor.isDestroyed) editor.unregisterPlugin(KEY);
    legend.replaceChildren();
    legend.hidden = true;
  };
}
