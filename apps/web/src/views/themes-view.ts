import {
  createThemeRequest,
  type NoteView,
  THEME_NAME_MAX_LENGTH,
  type Theme,
  updateThemeRequest,
} from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { NotesApi } from '../notes-api.ts';
import type { ThemesApi } from '../themes-api.ts';
import { throttle } from '../throttle.ts';
import { checkRequest } from '../validate-request.ts';
import type { WorkspaceSignal } from '../workspace-events.ts';
import { createColorPicker } from './color-picker.ts';
import { askToConfirm } from './confirm-dialog.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { formField } from './form-field.ts';
import { keepFocus } from './keep-focus.ts';
import { paintTheme } from './note-badges.ts';

/** Others' changes come in bursts: counts are fetched again at most this often. */
const REFRESH_INTERVAL_MS = 1000;

/**
 * The themes page: every theme with its colour and how many notes it holds, a form to add one,
 * and for each a way to rename and recolour it; admins also delete themes, after confirming
 * (their notes are left without a theme).
 */
export function mountThemesView(
  root: HTMLElement,
  deps: {
    i18n: Translator;
    themes: ThemesApi;
    notes: NotesApi;
    header: HTMLElement;
    isAdmin: boolean;
    watchEvents: (onEvent: (signal: WorkspaceSignal) => void) => () => void;
  },
): () => void {
  const { i18n, themes, notes, header, isAdmin, watchEvents } = deps;
  const describe = (error: unknown) => i18n.t('themes.failed', { reason: describeApiError(error, i18n) });
  let disposed = false;
  let themeList: Theme[] | null = null;
  let counts = new Map<string, number>();
  let editing: string | null = null;
  let closeDialog: (() => void) | null = null;

  // Adding a theme.
  const name = h('input', {
    id: 'new-theme-name',
    name: 'name',
    required: '',
    maxlength: String(THEME_NAME_MAX_LENGTH),
    autocomplete: 'off',
  });
  let picker = createColorPicker({ i18n, name: 'new-theme-color' });
  const pickerSlot = h('div', {}, picker.element);
  const addForm = h('form', { class: 'card stack', novalidate: '', 'aria-labelledby': 'new-theme-title' });
  const addFeedback = createFormFeedback(addForm, (error) => describeApiError(error, i18n));
  addForm.append(
    h('h2', { id: 'new-theme-title' }, i18n.t('themes.add')),
    formField(i18n.t('themes.name'), name),
    pickerSlot,
    ...addFeedback.elements,
    h('button', { type: 'submit', class: 'primary' }, i18n.t('themes.create')),
  );
  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    addFeedback.run(async () => {
      const checked = checkRequest(createThemeRequest, { name: name.value, color: picker.value() });
      if (!checked.ok) {
        addFeedback.fail(i18n.t('themes.nameRequired', { max: THEME_NAME_MAX_LENGTH }), name);
        return;
      }
      const created = await themes.create(checked.value);
      addForm.reset();
      picker = createColorPicker({ i18n, name: 'new-theme-color' });
      pickerSlot.replaceChildren(picker.element);
      addFeedback.succeed(i18n.t('themes.created', { name: created.name }));
      await load();
    });
  });

  // The list: a form, so that its buttons wait while one of its actions runs.
  const listForm = h('form', { class: 'list-form', novalidate: '' });
  const listFeedback = createFormFeedback(listForm, describe);
  const status = h('p', { class: 'muted' }, i18n.t('common.loading'));
  const list = h('ul', { class: 'theme-list', 'aria-labelledby': 'themes-title' });
  listForm.append(...listFeedback.elements, status, list);
  listForm.addEventListener('submit', (event) => event.preventDefault());

  async function load(): Promise<void> {
    const [loadedThemes, loadedNotes] = await Promise.all([themes.list(), notes.list()]);
    if (disposed) return;
    themeList = loadedThemes;
    counts = countByTheme(loadedNotes);
    render();
  }

  function render(): void {
    if (themeList === null) return;
    const sorted = [...themeList].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
    status.textContent = sorted.length === 0 ? i18n.t('themes.empty') : '';
    keepFocus(list, () =>
      list.replaceChildren(...sorted.map((theme) => (theme.id === editing ? renderEditor(theme) : renderTheme(theme)))),
    );
  }

  function renderTheme(theme: Theme): HTMLElement {
    const count = counts.get(theme.id) ?? 0;
    const chip = h('span', { class: 'theme-chip large' }, theme.name);
    paintTheme(chip, theme);
    const edit = h(
      'button',
      {
        type: 'button',
        class: 'secondary small',
        'aria-label': i18n.t('themes.editNamed', { name: theme.name }),
        'data-focus-key': `edit-${theme.id}`,
      },
      i18n.t('common.edit'),
    );
    edit.addEventListener('click', () => {
      editing = theme.id;
      render();
      list.querySelector<HTMLInputElement>(`#theme-name-${CSS.escape(theme.id)}`)?.focus();
    });
    const actions = h('div', { class: 'actions' }, edit);
    if (isAdmin) {
      const remove = h(
        'button',
        {
          type: 'button',
          class: 'danger small',
          'aria-haspopup': 'dialog',
          'aria-label': i18n.t('themes.deleteNamed', { name: theme.name }),
          'data-focus-key': `delete-${theme.id}`,
        },
        i18n.t('common.delete'),
      );
      remove.addEventListener('click', () => {
        closeDialog?.();
        closeDialog = askToConfirm({
          i18n,
          title: i18n.t('themes.confirmTitle', { name: theme.name }),
          message: i18n.tCount('themes.confirmText', count),
          confirmLabel: i18n.t('common.delete'),
          onConfirm: () =>
            listFeedback.run(async () => {
              await themes.remove(theme.id);
              await load();
              name.focus();
            }),
        });
      });
      actions.append(remove);
    }
    return h(
      'li',
      { class: 'theme-item', 'data-theme-id': theme.id },
      h(
        'div',
        { class: 'who' },
        chip,
        h(
          'a',
          { href: `/?theme=${encodeURIComponent(theme.id)}`, class: 'theme-count' },
          i18n.tCount('notes.count', count),
        ),
      ),
      actions,
    );
  }

  function renderEditor(theme: Theme): HTMLElement {
    const input = h('input', {
      id: `theme-name-${theme.id}`,
      name: 'name',
      required: '',
      maxlength: String(THEME_NAME_MAX_LENGTH),
      autocomplete: 'off',
    });
    input.value = theme.name;
    const colors = createColorPicker({ i18n, name: `theme-color-${theme.id}`, selected: theme.color });
    const save = h('button', { type: 'button', class: 'primary' }, i18n.t('common.save'));
    const cancel = h('button', { type: 'button', class: 'secondary' }, i18n.t('common.cancel'));
    const stop = () => {
      editing = null;
      render();
      list.querySelector<HTMLElement>(`[data-focus-key="edit-${CSS.escape(theme.id)}"]`)?.focus();
    };
    cancel.addEventListener('click', stop);
    save.addEventListener('click', () =>
      listFeedback.run(async () => {
        // Only what changed: a colour from outside the palette survives a rename.
        const color = colors.value();
        const change = {
          ...(input.value.trim() !== theme.name ? { name: input.value } : {}),
          ...(color !== theme.color.toLowerCase() ? { color } : {}),
        };
        if (Object.keys(change).length === 0) return stop();
        const checked = checkRequest(updateThemeRequest, change);
        if (!checked.ok) return listFeedback.fail(i18n.t('themes.nameRequired', { max: THEME_NAME_MAX_LENGTH }), input);
        await themes.update(theme.id, checked.value);
        editing = null;
        await load();
        list.querySelector<HTMLElement>(`[data-focus-key="edit-${CSS.escape(theme.id)}"]`)?.focus();
      }),
    );
    const editor = h(
      'li',
      { class: 'theme-item editing', 'data-theme-id': theme.id },
      h(
        'div',
        { class: 'stack theme-editor' },
        formField(i18n.t('themes.name'), input),
        colors.element,
        h('div', { class: 'row' }, save, cancel),
      ),
    );
    editor.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        stop();
      } else if (event.key === 'Enter' && event.target === input) {
        event.preventDefault();
        save.click();
      }
    });
    return editor;
  }

  const refresh = throttle(() => {
    load().catch((error: unknown) => {
      if (!disposed) listFeedback.fail(describe(error));
    });
  }, REFRESH_INTERVAL_MS);
  const stopEvents = watchEvents((signal) => {
    // Counts follow the notes; an open editor is not redrawn under the person's hands.
    if (signal.type !== 'templates' && editing === null) refresh.call();
  });

  document.title = `${i18n.t('themes.title')} · ${i18n.t('app.name')}`;
  const intro = h('p', { class: 'muted' }, i18n.t('themes.intro'));
  if (!isAdmin) intro.append(' ', i18n.t('themes.adminOnly'));
  root.replaceChildren(
    header,
    h(
      'main',
      { class: 'page' },
      h('h1', { id: 'themes-title' }, i18n.t('themes.title')),
      intro,
      h('div', { class: 'themes-layout' }, listForm, addForm),
    ),
  );
  load().catch((error: unknown) => {
    if (!disposed) status.textContent = i18n.t('themes.loadFailed', { reason: describeApiError(error, i18n) });
  });
  return () => {
    disposed = true;
    closeDialog?.();
    refresh.cancel();
    stopEvents();
    root.replaceChildren();
  };
}

function countByTheme(notes: readonly NoteView[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const note of notes) if (note.themeId) counts.set(note.themeId, (counts.get(note.themeId) ?? 0) + 1);
  return counts;
}
