import { SEARCH_QUERY_MAX_LENGTH, type SearchHit, type SnippetPart, type Theme } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { SearchApi } from '../search-api.ts';
import type { ThemesApi } from '../themes-api.ts';
import { throttle } from '../throttle.ts';
import type { WorkspaceSignal } from '../workspace-events.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { statusBadge, themeChip } from './note-badges.ts';

/** Pause in typing, in milliseconds, after which the search runs. */
const TYPING_PAUSE_MS = 250;
/** Edits by others re-rank results: the search runs again at most this often while they type. */
const REFRESH_INTERVAL_MS = 1500;

/**
 * The search page: results come as the person types (and again when notes change), each with its
 * title, theme, status and up to three passages, the words found marked. The query stays in the
 * address (`/search?q=…`), so a search can be reloaded, shared or reached from the header.
 */
export function mountSearchView(
  root: HTMLElement,
  deps: {
    i18n: Translator;
    api: SearchApi;
    themes: ThemesApi;
    header: HTMLElement;
    watchEvents: (onEvent: (signal: WorkspaceSignal) => void) => () => void;
  },
): () => void {
  const { i18n, api, themes, header, watchEvents } = deps;
  let disposed = false;
  let searches = 0;
  let typing: ReturnType<typeof setTimeout> | undefined;
  let themesById = new Map<string, Theme>();
  let lastHits: SearchHit[] = [];

  const input = h('input', {
    id: 'search-query',
    type: 'search',
    name: 'q',
    placeholder: i18n.t('search.placeholder'),
    autocomplete: 'off',
    enterkeyhint: 'search',
    maxlength: String(SEARCH_QUERY_MAX_LENGTH),
  });
  input.value = new URLSearchParams(window.location.search).get('q') ?? '';
  const form = h(
    'form',
    { class: 'search-form', role: 'search' },
    h('label', { for: 'search-query' }, i18n.t('search.label')),
    input,
  );
  const status = h('p', { class: 'muted search-status', role: 'status' });
  const error = h('p', { class: 'error', role: 'alert' });
  const results = h('ol', { class: 'search-results' });

  function search(): void {
    clearTimeout(typing);
    const query = input.value.trim();
    // The address keeps the query, and whatever else it had (`lang`).
    const params = new URLSearchParams(window.location.search);
    if (query === '') params.delete('q');
    else params.set('q', query);
    window.history.replaceState(null, '', params.size > 0 ? `/search?${params}` : '/search');
    error.textContent = '';
    const asked = ++searches;
    if (query === '') {
      lastHits = [];
      results.replaceChildren();
      status.textContent = i18n.t('search.idle');
      return;
    }
    if (results.childElementCount === 0) status.textContent = i18n.t('search.searching');
    api.search(query).then(
      (found) => {
        if (disposed || asked !== searches) return;
        lastHits = found.hits;
        render();
        status.textContent =
          found.total === 0 ? i18n.t('search.none', { query }) : i18n.tCount('search.count', found.total);
      },
      (failure: unknown) => {
        if (disposed || asked !== searches) return;
        status.textContent = '';
        error.textContent = i18n.t('search.failed', { reason: describeApiError(failure, i18n) });
      },
    );
  }

  function render(): void {
    results.replaceChildren(...lastHits.map(renderHit));
  }

  function renderHit(hit: SearchHit): HTMLElement {
    const { note } = hit;
    const theme = note.themeId ? (themesById.get(note.themeId) ?? null) : null;
    return h(
      'li',
      { class: 'search-hit', 'data-note-id': note.id },
      h('a', { href: `/notes/${encodeURIComponent(note.id)}`, class: 'hit-title' }, ...marked(hit.title)),
      h('div', { class: 'note-meta' }, themeChip(theme, i18n), statusBadge(note.status, i18n)),
      ...hit.snippets.slice(0, 3).map((snippet) => h('p', { class: 'snippet' }, ...marked(snippet))),
    );
  }

  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(search, TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });

  const refresh = throttle(() => {
    if (input.value.trim() !== '') search();
  }, REFRESH_INTERVAL_MS);
  const loadThemes = () =>
    themes.list().then(
      (list) => {
        if (disposed) return;
        themesById = new Map(list.map((theme) => [theme.id, theme]));
        render();
      },
      // Share-link guests may not list themes: results then show no theme, which is all they lose.
      () => undefined,
    );
  const stopEvents = watchEvents((signal) => {
    if (signal.type === 'notes' || signal.type === 'resync') refresh.call();
    if (signal.type === 'themes' || signal.type === 'resync') loadThemes();
  });

  document.title = `${i18n.t('search.title')} · ${i18n.t('app.name')}`;
  root.replaceChildren(
    header,
    h('main', { class: 'page search-page' }, h('h1', {}, i18n.t('search.title')), form, status, error, results),
  );
  input.focus();
  search();
  loadThemes();
  return () => {
    disposed = true;
    clearTimeout(typing);
    refresh.cancel();
    stopEvents();
    root.replaceChildren();
  };
}

// Text and <mark> elements only: what the server found is never read as HTML.
function marked(parts: readonly SnippetPart[]): Node[] {
  return parts.map((part) => (part.match ? h('mark', {}, part.text) : document.createTextNode(part.text)));
}
