import { countWords, HEADING_LEVELS } from '@plume/editor-schema';
import { readingMinutes } from '@plume/protocol';
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { throttle } from '../throttle.ts';

/** How often the figures are read again while the note changes, in milliseconds. */
const REFRESH_INTERVAL_MS = 500;

/** From this many headings on, a note's outline is shown. */
const OUTLINE_MIN_HEADINGS = 3;

/** Beyond this many words, a note's outline is shown whatever its headings. */
const OUTLINE_MIN_WORDS = 800;

/** A heading as the outline lists it: its level (1 to 3), its text, and where it starts in the editor. */
export type OutlineHeading = { level: number; text: string; position: number };

/** What the reading aids show about a note as it is now. */
export type ReadingFigures = { wordCount: number; readingMinutes: number; headings: OutlineHeading[] };

/**
 * Counts a note's words as the server does (blocks and line or page breaks separate words) and
 * lists its headings that have text, in order.
 */
export function readingFiguresOf(doc: ProseMirrorNode): ReadingFigures {
  const wordCount = countWords(doc.textBetween(0, doc.content.size, '\n', '\n'));
  return { wordCount, readingMinutes: readingMinutes(wordCount), headings: headingsOf(doc) };
}

/** The headings of levels 1 to 3 that have text, in the order they come in the note. */
export function headingsOf(doc: ProseMirrorNode): OutlineHeading[] {
  const headings: OutlineHeading[] = [];
  doc.descendants((node, position) => {
    if (node.type.name === 'heading') {
      const level = Number(node.attrs.level);
      const text = node.textContent.trim();
      if ((HEADING_LEVELS as readonly number[]).includes(level) && text !== '')
        headings.push({ level, text, position });
    }
    // Headings may sit in quotes or lists, never inside another textblock.
    return !node.isTextblock;
  });
  return headings;
}

/** Whether a note is long enough for an outline to help: three headings, or more than 800 words. */
export function needsOutline(figures: ReadingFigures): boolean {
  return figures.headings.length >= OUTLINE_MIN_HEADINGS || figures.wordCount > OUTLINE_MIN_WORDS;
}

/**
 * Calls `onChange` with the figures of the editor's note now and, while anyone edits it, at most
 * twice a second. Returns a function that stops.
 */
export function watchReadingFigures(editor: Editor, onChange: (figures: ReadingFigures) => void): () => void {
  // Counting a long note's words takes milliseconds: it waits until the browser is idle, so that
  // it never delays the frame showing a key just pressed.
  let idle = 0;
  const count = () => {
    idle = 0;
    onChange(readingFiguresOf(editor.state.doc));
  };
  const refresh = throttle(() => {
    idle ||= requestIdleCallback(count, { timeout: REFRESH_INTERVAL_MS });
  }, REFRESH_INTERVAL_MS);
  const onUpdate = () => refresh.call();
  editor.on('update', onUpdate);
  refresh.call();
  return () => {
    editor.off('update', onUpdate);
    refresh.cancel();
    cancelIdleCallback(idle);
  };
}

/** Puts the caret at the start of the note's `index`-th outline heading and scrolls it to the top. */
export function moveToHeading(editor: Editor, index: number): void {
  // The outline may be up to half a second old: the heading is looked up in the note as it is now.
  const heading = headingsOf(editor.state.doc)[index];
  if (!heading) return;
  editor
    .chain()
    .focus()
    .setTextSelection(heading.position + 1)
    .run();
  const element = editor.view.nodeDOM(heading.position);
  if (element instanceof HTMLElement) element.scrollIntoView({ block: 'start' });
}
