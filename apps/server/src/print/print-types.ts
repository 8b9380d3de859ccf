import type { NoteContent } from '@plume/editor-schema';
import type { PAPER_SIZES, PRINT_LANGUAGES } from '@plume/protocol';
import type { FontSource } from './print-fonts.ts';

/** A note as it is printed: its metadata in the reader's words and the exact content printed. */
export type PrintNote = {
  id: string;
  title: string;
  /** The theme's name, or null for a note filed under no theme. */
  theme: string | null;
  /** The status in the print language, e.g. "Validée". */
  statusLabel: string;
  /**
   * How the printed version is named after the word "Version": for the note as it is now, a short
   * id of the exact content (first 8 hex chars of sha256(Y.encodeStateVector(doc))); for a frozen
   * version, its name in quotes or its date.
   */
  version: string;
  /** The frozen version printed; absent when the note is printed as it is now. */
  frozen?: { id: string; name: string | null; createdAt: string };
  /** When the note last changed or, for a frozen version, when it was frozen. */
  date: Date;
  /** ProseMirror JSON, valid in the editor schema. */
  content: NoteContent;
};

/** A paper size Plume prints on; A4 is the default. */
export type PaperSize = (typeof PAPER_SIZES)[number];

/** A language of the printed words (labels, dates); French is the default. */
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];

/** How a note or pack is printed. */
export type PrintOptions = {
  paper: PaperSize;
  /** The marking printed on every page but the cover, e.g. "Confidentiel — ne pas diffuser". */
  marking: string;
  language: PrintLanguage;
  /** The large-type edition: body text about 15.5pt instead of 11pt. */
  largeType: boolean;
  /** Whether pages are printed on both sides (each note of a pack then starts on a right-hand page). */
  doubleSided: boolean;
  /** How the document carries its fonts; `linked` only for the server's own renderer. Embedded by default. */
  fonts?: FontSource;
};

/** The cover page of a pack. */
export type PackCover = { title: string; date: Date; recipient: string };

/** Where each note of a pack starts, known after a first rendering (null on the first pass). */
export type PackLayout = {
  /** 1-based page number where each note's title appears, in pack order. */
  tocPages: readonly number[];
  /** Whether one empty page goes before each note, in pack order. */
  blankBefore: readonly boolean[];
};

/** How much one person changed in a note, in characters, named for print. */
export type PrintedTally = { name: string; inserted: number; deleted: number };

/**
 * What changed in one note of a pack since the last pack that printed it: `new` when no earlier
 * pack did, `unchanged`, `changed` with who changed how much and the passages, or `lost` when the
 * version printed then is no longer kept.
 */
export type PackNoteChanges = {
  title: string;
  state: 'new' | 'unchanged' | 'changed' | 'lost';
  /** The last pack that printed the note: its cover title and date; null for a new note. */
  since: { title: string; date: Date } | null;
  /** One entry per person who changed something, most changes first; empty unless `changed`. */
  tallies: readonly PrintedTally[];
  /**
   * The changed passages, each the inline content (ProseMirror JSON) of one paragraph or heading
   * in which text carries `inserted` or `deleted` marks whose `attrs.author` is a key of `authors`.
   */
  passages: readonly (readonly NoteContent[])[];
  /** Changed passages left out to keep the page short. */
  omitted: number;
  /** The printed name of each author id found in the marks; others print as an unknown author. */
  authors: Readonly<Record<string, string>>;
};

/**
 * A briefing pack to print: a cover, notes in order, their layout once known, and, when asked
 * for, a page of what changed in each since the last pack.
 */
export type PrintPack = {
  cover: PackCover;
  notes: readonly PrintNote[];
  layout: PackLayout | null;
  changes?: readonly PackNoteChanges[];
};
