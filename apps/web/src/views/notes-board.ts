import { NOTE_STATUSES, type NoteStatus, type NoteView, roleAllows, type Theme } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';
import { lengthText, presenceAvatars, themeChip } from './note-badges.ts';

/**
 * The workspace's board: one column per status with its count, each note a card with its title,
 * theme, length and who is in it now. Cards the person may edit carry a "Déplacer vers…" select,
 * the keyboard's and the phone's way to do what dragging does (see board-drag.ts), and a grip
 * that touch screens drag by.
 */
export function renderNotesBoard(
  columns: Record<NoteStatus, NoteView[]>,
  deps: {
    i18n: Translator;
    themes: ReadonlyMap<string, Theme>;
    onMove: (note: NoteView, status: NoteStatus) => void;
  },
): HTMLElement {
  const { i18n } = deps;
  return h(
    'div',
    { class: 'board', role: 'region', 'aria-label': i18n.t('board.label'), tabindex: '0' },
    ...NOTE_STATUSES.map((status) => {
      const notes = columns[status];
      const titleId = `board-column-${status}`;
      const cards = h('ul', { class: 'board-cards', 'aria-labelledby': titleId });
      cards.append(...notes.map((note) => renderCard(note, deps)));
      return h(
        'section',
        { class: 'board-column', 'data-status': status, 'aria-labelledby': titleId },
        h(
          'h2',
          { class: 'column-title', id: titleId },
          h('span', {}, i18n.t(`noteStatus.${status}`)),
          h(
            'span',
            { class: 'column-count', 'aria-label': i18n.tCount('board.columnCount', notes.length) },
            i18n.formatNumber(notes.length),
          ),
        ),
        notes.length === 0 ? h('p', { class: 'column-empty' }, i18n.t('board.emptyColumn')) : cards,
      );
    }),
  );
}

function renderCard(
  note: NoteView,
  deps: { i18n: Translator; themes: ReadonlyMap<string, Theme>; onMove: (note: NoteView, status: NoteStatus) => void },
): HTMLElement {
  const { i18n, themes, onMove } = deps;
  const movable = roleAllows(note.role, 'write');
  const title = h(
    'a',
    {
      href: `/notes/${encodeURIComponent(note.id)}`,
      class: 'card-title',
      draggable: 'false',
      'data-focus-key': `open-${note.id}`,
    },
    note.title,
  );
  const card = h(
    'li',
    { class: movable ? 'board-card movable' : 'board-card', 'data-note-id': note.id },
    h('div', { class: 'card-head' }, title),
    h(
      'div',
      { class: 'card-meta' },
      themeChip(note.themeId ? (themes.get(note.themeId) ?? null) : null, i18n),
      h('span', { class: 'card-length' }, lengthText(note, i18n)),
    ),
  );
  const foot = h('div', { class: 'card-foot' }, presenceAvatars(note.present, i18n));
  if (movable) {
    card
      .querySelector('.card-head')
      ?.append(
        h('span', { class: 'drag-handle', title: i18n.t('board.drag', { title: note.title }), 'aria-hidden': 'true' }),
      );
    const move = h('select', {
      class: 'move-select',
      'aria-label': i18n.t('board.moveNamed', { title: note.title }),
      'data-focus-key': `move-${note.id}`,
    });
    move.append(h('option', { value: '' }, i18n.t('board.moveTo')));
    for (const status of NOTE_STATUSES) {
      if (status !== note.status) move.append(h('option', { value: status }, i18n.t(`noteStatus.${status}`)));
    }
    move.addEventListener('change', () => {
      const status = NOTE_STATUSES.find((candidate) => candidate === move.value);
      if (status) onMove(note, status);
    });
    foot.append(move);
  }
  card.append(foot);
  return card;
}
