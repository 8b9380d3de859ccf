import { EXPORT_FORMATS, type ExportFormat, exportNotePath } from '@plume/protocol';
import type { MessageKey } from '../i18n/fr.ts';
import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';

const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  pdf: 'export.pdf',
  docx: 'export.docx',
  md: 'export.md',
  html: 'export.html',
  txt: 'export.txt',
};

/**
 * The "Exporter" menu of a note page, or "Exporter cette version" of one version when `versionId`
 * is given: a disclosure holding one download link per format, opened and closed with the
 * keyboard as with the mouse; Escape or leaving it closes it. Needs no cleanup.
 */
export function createExportMenu(options: { i18n: Translator; noteId: string; versionId?: string }): HTMLElement {
  const { i18n, noteId, versionId } = options;
  const label = i18n.t(versionId === undefined ? 'export.menu' : 'export.version');
  const summary = h('summary', {}, label);
  const links = EXPORT_FORMATS.map((format) =>
    h(
      'li',
      {},
      h(
        'a',
        { href: exportNotePath(noteId, format, i18n.language, versionId), download: '', 'data-format': format },
        i18n.t(FORMAT_LABELS[format]),
      ),
    ),
  );
  const menu = h('details', { class: 'export-menu' }, summary, h('ul', { 'aria-label': label }, ...links));
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    summary.focus();
  });
  // Focus moving elsewhere (a click outside, Tab past the last link) closes the menu.
  menu.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node) || !menu.contains(event.relatedTarget)) menu.open = false;
  });
  menu.addEventListener('click', (event) => {
    if (event.target instanceof HTMLAnchorElement) menu.open = false;
  });
  return menu;
}
