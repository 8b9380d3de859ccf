import type { NoteContent } from '@plume/editor-schema';
import type { PAPER_SIZES, PRINT_LANGUAGES } from '@plume/protocol';

/** A note as it is printed: its metadata in the reader's words and the exact content printed. */
export type PrintNote = {
  id: string;
  title: string;
  /** The theme's name, or null for a note filed under no theme. */
  theme: string | null;
  /** The status in the print language, e.g. "Validée". */
  statusLabel: string;
  /** Short id of the exact content printed: first 8 hex chars of sha256(Y.encodeStateVector(doc)). */
  version: string;
  /** When the note last changed. */
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

/** A briefing pack to print: a cover, notes in order, and their layout once known. */
export type PrintPack = { cover: PackCover; notes: readonly PrintNote[]; layout: PackLayout | null };
