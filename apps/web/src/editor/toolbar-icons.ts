const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * One stroke of an icon on a 24×24 grid: a path drawn with the current colour, or with a tone:
 * `heavy` drawn thicker, `fill` filled, `faint` drawn lighter, `shade` filled lighter, `mark` filled in highlighter yellow.
 */
type Stroke = string | { readonly d: string; readonly tone: 'heavy' | 'fill' | 'faint' | 'shade' | 'mark' };

// A dot of radius 1.4 centred on (x, y), for bullets.
const dot = (x: number, y: number): Stroke => ({
  d: `M${x - 1.4} ${y}a1.4 1.4 0 1 0 2.8 0a1.4 1.4 0 1 0-2.8 0`,
  tone: 'fill',
});

// A rectangle with corners rounded by 1.5.
const box = (x: number, y: number, width: number, height: number): string =>
  `M${x + 1.5} ${y}h${width - 3}a1.5 1.5 0 0 1 1.5 1.5v${height - 3}a1.5 1.5 0 0 1-1.5 1.5h${3 - width}` +
  `a1.5 1.5 0 0 1-1.5-1.5v${3 - height}a1.5 1.5 0 0 1 1.5-1.5z`;

const ICONS = {
  bold: [
    { d: 'M7 5h6a3.5 3.5 0 0 1 0 7H7z', tone: 'heavy' },
    { d: 'M7 12h7a3.5 3.5 0 0 1 0 7H7z', tone: 'heavy' },
  ],
  italic: ['M19 4h-9', 'M14 20H5', 'M15 4 9 20'],
  underline: ['M6 4v6a6 6 0 0 0 12 0V4', 'M4 20h16'],
  strike: [
    'M16 6.5A4.6 4.6 0 0 0 12 4.2c-2.5 0-4.4 1.4-4.4 3.5 0 1.4.8 2.4 2.4 3.2',
    'M15 13.3c1 .7 1.5 1.6 1.5 2.8 0 2.2-2 3.8-4.5 3.8-2 0-3.7-1-4.4-2.6',
    'M4 12h16',
  ],
  highlight: [{ d: 'M3 18.5h18V22H3z', tone: 'mark' }, 'M7 15 12 3.5 17 15', 'M8.8 11h6.4'],
  bulletList: [dot(4.5, 6), dot(4.5, 12), dot(4.5, 18), 'M9 6h11', 'M9 12h11', 'M9 18h11'],
  orderedList: [
    'M10 6h10',
    'M10 12h10',
    'M10 18h10',
    'M4 4.5 5.5 3.5V9',
    'M4 9h3',
    'M4 14.8a1.6 1.6 0 0 1 3 .7c0 1.5-3 2-3 4h3',
  ],
  taskList: [box(3, 4, 7, 7), 'm4.9 7.6 1.5 1.5 2.6-2.8', box(3, 13, 7, 7), 'M13.5 7.5H21', 'M13.5 16.5H21'],
  blockquote: ['M4 5v14', 'M9 7h11', 'M9 12h11', 'M9 17h7'],
  link: [
    'M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1.5 1.5',
    'M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1.5-1.5',
  ],
  table: [
    { d: 'M3 9.5V5.5A1.5 1.5 0 0 1 4.5 4h15A1.5 1.5 0 0 1 21 5.5v4z', tone: 'shade' },
    box(3, 4, 18, 16),
    'M3 9.5h18',
    'M3 14.8h18',
    'M9 4v16',
    'M15 4v16',
  ],
  horizontalRule: [{ d: 'M6 6h12', tone: 'faint' }, 'M3 12h18', { d: 'M6 18h12', tone: 'faint' }],
  pageBreak: ['M6 3v4.5h12V3', 'M6 21v-4.5h12V21', 'M3 12h3', 'M10.5 12h3', 'M18 12h3'],
  undo: ['M9 14 4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11'],
  redo: ['m15 14 5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13'],
  addRowBefore: [box(4, 11, 16, 9), 'M4 15.5h16', 'M12 11v9', 'M12 2.5v6', 'M9 5.5h6'],
  addRowAfter: [box(4, 4, 16, 9), 'M4 8.5h16', 'M12 4v9', 'M12 15.5v6', 'M9 18.5h6'],
  addColumnBefore: [box(11, 4, 9, 16), 'M15.5 4v16', 'M11 12h9', 'M2.5 12h6', 'M5.5 9v6'],
  addColumnAfter: [box(4, 4, 9, 16), 'M8.5 4v16', 'M4 12h9', 'M15.5 12h6', 'M18.5 9v6'],
  deleteRow: [
    { d: 'M3 4.5h18', tone: 'faint' },
    box(3, 8.5, 18, 7),
    'm10 10 4 4',
    'm14 10-4 4',
    { d: 'M3 19.5h18', tone: 'faint' },
  ],
  deleteColumn: [
    { d: 'M4.5 3v18', tone: 'faint' },
    box(8.5, 3, 7, 18),
    'm10 10 4 4',
    'm14 10-4 4',
    { d: 'M19.5 3v18', tone: 'faint' },
  ],
  headerRow: [
    { d: 'M3 10V5.5A1.5 1.5 0 0 1 4.5 4h15A1.5 1.5 0 0 1 21 5.5V10z', tone: 'fill' },
    box(3, 4, 18, 16),
    'M3 15h18',
    'M12 10v10',
  ],
  deleteTable: [
    'M4 7h16',
    'M9.5 7V4.5h5V7',
    'm6 7 1 12.5A1.5 1.5 0 0 0 8.5 21h7a1.5 1.5 0 0 0 1.5-1.5L18 7',
    'M10 11v6',
    'M14 11v6',
  ],
} satisfies Record<string, readonly Stroke[]>;

/** The name of one of the editor's icons. */
export type IconName = keyof typeof ICONS;

/** An icon of the editor's toolbars as inline SVG in the text's colour, hidden from screen readers. */
export function editorIcon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG_NAMESPACE, 'svg');
  svg.setAttribute('class', 'editor-icon');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const stroke of ICONS[name] as readonly Stroke[]) {
    const path = document.createElementNS(SVG_NAMESPACE, 'path');
    if (typeof stroke === 'string') path.setAttribute('d', stroke);
    else {
      path.setAttribute('d', stroke.d);
      path.setAttribute('class', `icon-${stroke.tone}`);
    }
    svg.append(path);
  }
  return svg;
}
