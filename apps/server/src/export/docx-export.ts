import { isSafeHref, type NoteContent } from '@plume/editor-schema';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** What a Word export shows of a note; a structural subset of the print module's PrintNote. */
export type DocxNote = {
  title: string;
  theme: string | null;
  /** Short id of the exact content exported. */
  version: string;
  date: Date;
  content: NoteContent;
};

/** What a Word export adds around the note. */
export type DocxOptions = {
  /** The marking printed in every footer, e.g. "Confidentiel — ne pas diffuser". */
  marking: string;
  language: 'fr' | 'en';
};

const BULLETS = 'plume-bullets';
const NUMBERS = 'plume-numbers';
const LIST_LEVELS = 9;
// Word counts indents in twentieths of a point: a quarter inch per level.
const INDENT_STEP = 360;
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

type Inline = { bold?: boolean; italics?: boolean; underline?: boolean; strike?: boolean; highlight?: boolean };
type Block = Paragraph | Table;
type ListContext = { depth: number; ordered: boolean | 'task'; instance: number };

/**
 * A note as a Word document: headings, formatted text, lists, checklists, quotes, tables whose
 * header row repeats on every page, safe links and page breaks; each page carries the theme and
 * title in its header and "Page x / y", the date, the version and the marking in its footer.
 */
export async function noteAsDocx(note: DocxNote, options: DocxOptions): Promise<Buffer> {
  let listInstances = 0;
  const nextInstance = () => ++listInstances;

  const blocksOf = (nodes: readonly NoteContent[], list: ListContext | null, quote: number): Block[] =>
    nodes.flatMap((node) => blockOf(node, list, quote));

  const blockOf = (node: NoteContent, list: ListContext | null, quote: number): Block[] => {
    const children = node.content ?? [];
    const indent = quote > 0 ? { left: quote * INDENT_STEP * 2 } : undefined;
    switch (node.type) {
      case 'paragraph':
        return [new Paragraph({ children: inlineOf(children), ...(indent && { indent }), ...quoteBorder(quote) })];
      case 'heading': {
        const level = Math.min(Math.max(Number(node.attrs?.level ?? 1), 1), 3);
        return [
          new Paragraph({
            heading: HEADINGS[level - 1],
            children: inlineOf(children),
            keepNext: true,
            keepLines: true,
          }),
        ];
      }
      case 'blockquote':
        return blocksOf(children, list, quote + 1);
      case 'bulletList':
      case 'orderedList':
      case 'taskList': {
        const ordered = node.type === 'orderedList' ? true : node.type === 'taskList' ? 'task' : false;
        const context: ListContext = { depth: list ? list.depth + 1 : 0, ordered, instance: nextInstance() };
        return children.flatMap((item) => listItemOf(item, context, quote));
      }
      case 'codeBlock':
        return [
          new Paragraph({
            children: (children.map((child) => child.text ?? '').join('') || ' ')
              .split('\n')
              .map((line, index) => new TextRun({ text: line, font: 'Courier New', ...(index > 0 && { break: 1 }) })),
            ...(indent && { indent }),
          }),
        ];
      case 'horizontalRule':
        return [
          new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } }),
        ];
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
      case 'table':
        return [tableOf(children)];
      default:
        return blocksOf(children, list, quote);
    }
  };

  const listItemOf = (item: NoteContent, list: ListContext, quote: number): Block[] => {
    const [first, ...rest] = item.content ?? [];
    const level = Math.min(list.depth, LIST_LEVELS - 1);
    const box = list.ordered === 'task' ? [new TextRun(item.attrs?.checked === true ? '☒ ' : '☐ ')] : [];
    const lead = new Paragraph({
      children: [...box, ...(first?.type === 'paragraph' ? inlineOf(first.content ?? []) : [])],
      ...(list.ordered === 'task'
        ? { indent: { left: (level + 1) * INDENT_STEP * 2 } }
        : { numbering: { reference: list.ordered ? NUMBERS : BULLETS, level, instance: list.instance } }),
    });
    const more = first?.type === 'paragraph' ? rest : (item.content ?? []);
    return [lead, ...blocksOf(more, list, quote)];
  };

  const tableOf = (rows: readonly NoteContent[]): Table => {
    const width = Math.max(1, ...rows.map((row) => (row.content ?? []).length));
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (row, index) =>
          new TableRow({
            // Word repeats the leading rows marked as header at the top of every page the table spans.
            tableHeader: index === 0 && (row.content ?? []).some((cell) => cell.type === 'tableHeader'),
            cantSplit: true,
            children: Array.from({ length: width }, (_, column) => {
              const cell = row.content?.[column];
              const span = Number(cell?.attrs?.colspan ?? 1);
              const paragraphs = blocksOf(cell?.content ?? [], null, 0);
              return new TableCell({
                children: paragraphs.length > 0 ? paragraphs : [new Paragraph({})],
                ...(span > 1 && { columnSpan: span }),
              });
            }).slice(0, width - extraSpans(row)),
          }),
      ),
    });
  };

  const header = new Header({
    children: [
      new Paragraph({
        children: [new TextRun({ text: [note.theme, note.title].filter(Boolean).join(' — '), size: 18 })],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 4 } },
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['Page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 18 }),
          new TextRun({
            text: ` — ${formatDate(note.date, options.language)} — version ${note.version}`,
            size: 18,
          }),
        ],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: options.marking, size: 18, bold: true })],
      }),
    ],
  });

  const document = new Document({
    title: note.title,
    creator: 'Plume',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        { reference: BULLETS, levels: listLevels(LevelFormat.BULLET, (level) => ['•', '◦', '▪'][level % 3] ?? '•') },
        { reference: NUMBERS, levels: listLevels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`) },
      ],
    },
    sections: [
      {
        headers: { default: header },
        footers: { default: footer },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(note.title)] }),
          ...blocksOf(note.content.content ?? [], null, 0),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

// A row with spanning cells has fewer cells than the grid is wide.
function extraSpans(row: NoteContent): number {
  return (row.content ?? []).reduce((extra, cell) => extra + Math.max(0, Number(cell.attrs?.colspan ?? 1) - 1), 0);
}

function quoteBorder(quote: number) {
  return quote > 0 ? { border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'AAAAAA', space: 8 } } } : {};
}

function listLevels(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string) {
  return Array.from({ length: LIST_LEVELS }, (_, level) => ({
    level,
    format,
    text: text(level),
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: (level + 1) * INDENT_STEP * 2, hanging: INDENT_STEP } } },
  }));
}

function inlineOf(nodes: readonly NoteContent[]): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      runs.push(new TextRun({ break: 1 }));
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const format: Inline = {};
    let href: string | null = null;
    let code = false;
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') format.bold = true;
      else if (mark.type === 'italic') format.italics = true;
      else if (mark.type === 'underline') format.underline = true;
      else if (mark.type === 'strike') format.strike = true;
      else if (mark.type === 'highlight') format.highlight = true;
      else if (mark.type === 'code') code = true;
      else if (mark.type === 'link' && isSafeHref(mark.attrs?.href)) href = mark.attrs.href;
    }
    const run = new TextRun({
      text: node.text,
      ...(format.bold && { bold: true }),
      ...(format.italics && { italics: true }),
      ...((format.underline || href !== null) && { underline: {} }),
      ...(format.strike && { strike: true }),
      ...(format.highlight && { highlight: 'yellow' }),
      ...(code && { font: 'Courier New' }),
      ...(href !== null && { color: '1F4E9A' }),
    });
    runs.push(href === null ? run : new ExternalHyperlink({ link: href, children: [run] }));
  }
  return runs;
}

function formatDate(date: Date, language: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
