import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NoteContent } from '@plume/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteAsDocx } from './docx-export.ts';

const run = promisify(execFile);
const paragraph = (...content: NoteContent[]): NoteContent => ({ type: 'paragraph', content });
const text = (value: string, ...marks: NoteContent['marks'] & object): NoteContent => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 && { marks }),
});
const cell = (type: string, value: string): NoteContent => ({ type, content: [paragraph(text(value))] });

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plume-docx-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The parts of a Word file, read back with unzip: document, headers and footers, concatenated per kind. */
async function unpack(docx: Buffer): Promise<{ document: string; header: string; footer: string; numbering: string }> {
  const file = join(directory, `${Math.random().toString(36).slice(2)}.docx`);
  await writeFile(file, docx);
  const part = async (pattern: string) => (await run('unzip', ['-p', file, pattern])).stdout;
  return {
    document: await part('word/document.xml'),
    header: await part('word/header*.xml'),
    footer: await part('word/footer*.xml'),
    numbering: await part('word/numbering.xml'),
  };
}

// The text a reader sees in a part: the content of its w:t elements, entities decoded.
const textOf = (xml: string) =>
  Array.from(xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g), (match) => match[1])
    .join('')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');

const note = (content: NoteContent[], title = 'Réforme des retraites') => ({
  title,
  theme: 'Social',
  version: '0a1b2c3d',
  date: new Date('2026-12-02T08:00:00Z'),
  content: { type: 'doc', content },
});
const options = { marking: 'Confidentiel — ne pas diffuser', language: 'fr' as const };

describe('noteAsDocx', () => {
  it('writes the text, a header with theme and title and a footer with page fields, date, version and marking', async () => {
    const docx = await noteAsDocx(
      note([
        { type: 'heading', attrs: { level: 2 }, content: [text('Contexte')] },
        paragraph(
          text('gras', { type: 'bold' }),
          text(' italique', { type: 'italic' }),
          text(' souligné', { type: 'underline' }),
          text(' barré', { type: 'strike' }),
          text(' surligné', { type: 'highlight' }),
        ),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('puce'))] }] },
        { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('numéro'))] }] },
        {
          type: 'taskList',
          content: [{ type: 'taskItem', attrs: { checked: true }, content: [paragraph(text('fait'))] }],
        },
        { type: 'blockquote', content: [paragraph(text('citation'))] },
        { type: 'pageBreak' },
        paragraph(text('après la coupure')),
      ]),
      options,
    );
    const { document, header, footer, numbering } = await unpack(docx);
    expect(textOf(document)).toBe(
      'Réforme des retraitesContextegras italique souligné barré surlignépucenuméro☒ faitcitationaprès la coupure',
    );
    expect(document).toContain('<w:b/>');
    expect(document).toContain('<w:i/>');
    expect(document).toMatch(/<w:u w:val="single"\/>/);
    expect(document).toContain('<w:strike/>');
    expect(document).toContain('<w:highlight w:val="yellow"/>');
    expect(document).toContain('<w:br w:type="page"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(document).toContain('<w:numPr>');
    expect(numbering).toContain('w:val="decimal"');
    expect(numbering).toContain('w:val="bullet"');
    expect(textOf(header)).toBe('Social — Réforme des retraites');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(textOf(footer)).toBe('Page  /  — 2 décembre 2026 — version 0a1b2c3dConfidentiel — ne pas diffuser');
  });

  it('marks the first row of a table as a header row repeated on each page', async () => {
    const { document } = await unpack(
      await noteAsDocx(
        note([
          {
            type: 'table',
            content: [
              { type: 'tableRow', content: [cell('tableHeader', 'Nom'), cell('tableHeader', 'Rôle')] },
              { type: 'tableRow', content: [cell('tableCell', 'Alice'), cell('tableCell', 'Rapporteure')] },
            ],
          },
        ]),
        options,
      ),
    );
    expect(document).toContain('<w:tblHeader/>');
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(textOf(document)).toContain('NomRôleAliceRapporteure');
  });

  it('keeps safe links and only the text of the others', async () => {
    const docx = await noteAsDocx(
      note([
        paragraph(
          text('sûr', { type: 'link', attrs: { href: 'https://example.org/' } }),
          text('piège', { type: 'link', attrs: { href: 'javascript:alert(1)' } }),
        ),
      ]),
      options,
    );
    const file = join(directory, 'links.docx');
    await writeFile(file, docx);
    const relations = (await run('unzip', ['-p', file, 'word/_rels/document.xml.rels'])).stdout;
    expect(relations).toContain('Target="https://example.org/"');
    expect(relations).not.toContain('javascript');
    expect(textOf((await unpack(docx)).document)).toContain('sûrpiège');
  });

  it('writes a hostile title as text', async () => {
    const title = '</style><script>alert(1)</script>';
    const { document, header } = await unpack(await noteAsDocx(note([], title), options));
    expect(textOf(document)).toBe(title);
    expect(textOf(header)).toBe(`Social — ${title}`);
    expect(document).not.toContain('<script>');
  });
});
