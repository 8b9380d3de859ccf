import { isSafeColor, type NoteStatus, type NoteSummary, type PresentPerson, type Theme } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';
import { initialsOf } from './person-initials.ts';

/** The workflow status of a note as a small coloured label. */
export function statusBadge(status: NoteStatus, i18n: Translator): HTMLElement {
  return h('span', { class: 'badge note-status', 'data-status': status }, i18n.t(`noteStatus.${status}`));
}

/** Sets an element's `--theme-color` from a theme, ignoring colours that are not `#rrggbb`. */
export function paintTheme(element: HTMLElement, theme: Theme | null): void {
  if (theme && isSafeColor(theme.color)) element.style.setProperty('--theme-color', theme.color);
}

/** A theme's name on its colour; "Sans thème" in grey for none. */
export function themeChip(theme: Theme | null, i18n: Translator): HTMLElement {
  const chip = h(
    'span',
    { class: theme ? 'theme-chip' : 'theme-chip no-theme' },
    theme ? theme.name : i18n.t('notes.noTheme'),
  );
  paintTheme(chip, theme);
  return chip;
}

/** "≈ 3 min de lecture · 512 mots", or "Note vide". */
export function lengthText(note: Pick<NoteSummary, 'wordCount' | 'readingMinutes'>, i18n: Translator): string {
  if (note.wordCount === 0) return i18n.t('notes.emptyNote');
  const reading = i18n.t('notes.reading', { minutes: i18n.formatNumber(note.readingMinutes) });
  return `${reading} · ${i18n.tCount('notes.words', note.wordCount)}`;
}

/** "il y a 5 minutes" for the last week, "le 12 mars 2026" before that. */
export function whenText(iso: string, i18n: Translator, now = Date.now()): string {
  return i18n.formatRelative(iso, now) ?? i18n.t('time.on', { date: i18n.formatDate(iso) });
}

/** A `<time>` saying `text`, with the full date and time on hover and for machines. */
export function timeElement(iso: string, text: string, i18n: Translator): HTMLElement {
  return h('time', { datetime: iso, title: i18n.formatLongDateTime(iso) }, text);
}

/** The initials of the people in a note right now, each on their presence colour; empty when nobody is. */
export function presenceAvatars(present: readonly PresentPerson[], i18n: Translator): HTMLElement {
  const list = h('ul', { class: 'avatars' });
  if (present.length === 0) return list;
  list.setAttribute('aria-label', i18n.t('notes.present', { names: i18n.formatList(present.map((p) => p.name)) }));
  for (const person of present) {
    const avatar = h('li', { class: 'avatar', title: person.name }, initialsOf(person.name));
    if (isSafeColor(person.color)) avatar.style.setProperty('--person-color', person.color);
    list.append(avatar);
  }
  return list;
}
