import { type NoteView, roleAllows } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import { contributorsOf, type ThemeGroup } from '../note-grouping.ts';
import { h } from './dom.ts';
import { lengthText, paintTheme, presenceAvatars, statusBadge, timeElement, whenText } from './note-badges.ts';

/** What a note row offers: callbacks for its actions, null when the person may not take them. */
export type NoteRowActions = {
  onDuplicate: ((note: NoteView) => void) | null;
  onTrash: ((note: NoteView) => void) | null;
};

/**
 * The workspace's list: one section per theme, headed by its colour and name, each note a row
 * with its status, length, contributors, last edit, who is in it now and its actions.
 * Controls carry `data-focus-key` so that a redraw can keep the keyboard where it was.
 */
export function renderNotesList(
  groups: readonly ThemeGroup[],
  deps: { i18n: Translator; actions: NoteRowActions; now: number },
): HTMLElement {
  const { i18n } = deps;
  return h(
    'div',
    { class: 'theme-groups' },
    ...groups.map((group, index) => {
      const titleId = `theme-group-${index}`;
      const name = group.theme ? group.theme.name : i18n.t('notes.noTheme');
      const heading = h(
        'h2',
        { id: titleId, class: group.theme ? 'group-title' : 'group-title no-theme' },
        h('span', { class: 'theme-dot', 'aria-hidden': 'true' }),
        h('span', {}, name),
        h('span', { class: 'group-count' }, i18n.tCount('notes.count', group.notes.length)),
      );
      paintTheme(heading, group.theme);
      return h(
        'section',
        { class: 'theme-group', 'aria-labelledby': titleId },
        heading,
        h('ul', { class: 'note-list' }, ...group.notes.map((note) => renderRow(note, deps))),
      );
    }),
  );
}

function renderRow(note: NoteView, deps: { i18n: Translator; actions: NoteRowActions; now: number }): HTMLElement {
  const { i18n, actions, now } = deps;
  const people = contributorsOf([note], i18n.language).map((person) => person.name);
  const meta = h(
    'div',
    { class: 'note-meta' },
    statusBadge(note.status, i18n),
    h('span', {}, lengthText(note, i18n)),
    ...(people.length > 0 ? [h('span', { class: 'note-people' }, i18n.formatList(people))] : []),
    timeElement(note.updatedAt, i18n.t('notes.updated', { when: whenText(note.updatedAt, i18n, now) }), i18n),
  );
  if (!roleAllows(note.role, 'write')) {
    meta.append(h('span', { class: 'note-role', 'data-role': note.role }, i18n.t(`role.${note.role}`)));
  }
  const buttons = h('div', {
    class: 'actions',
    role: 'group',
    'aria-label': i18n.t('notes.actionsFor', { title: note.title }),
  });
  const action = (label: string, key: string, run: (note: NoteView) => void) => {
    const button = h(
      'button',
      { type: 'button', class: 'secondary small', 'data-focus-key': `${key}-${note.id}` },
      label,
    );
    button.addEventListener('click', () => run(note));
    buttons.append(button);
  };
  if (actions.onDuplicate) action(i18n.t('notes.duplicate'), 'duplicate', actions.onDuplicate);
  if (actions.onTrash && roleAllows(note.role, 'delete')) action(i18n.t('notes.trash'), 'trash', actions.onTrash);
  return h(
    'li',
    { class: 'note-row', 'data-note-id': note.id },
    h(
      'div',
      { class: 'note-row-main' },
      h(
        'a',
        { href: `/notes/${encodeURIComponent(note.id)}`, class: 'note-link', 'data-focus-key': `open-${note.id}` },
        note.title,
      ),
      meta,
    ),
    h('div', { class: 'note-row-side' }, presenceAvatars(note.present, i18n), buttons),
  );
}
