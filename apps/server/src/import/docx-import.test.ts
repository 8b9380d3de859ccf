import { describe, expect, it } from 'vitest';
import { noteAsDocx } from '../export/docx-export.ts';
import { noteContentFromDocx } from './docx-import.ts';

const wordFile = (content: unknown[]) =>
  noteAsDocx(
    {
      title: 'Titre du document',
      theme: null,
      version: '00000000',
      date: new Date('2026-12-02T00:00:00Z'),
      content: { type: 'doc', content: content as never },
    },
    { marking: 'Confidentiel', language: 'fr' },
  );

describe('noteContentFromDocx', () => {
  it('reads headings, formatting, lists and tables from a Word file', async () => {
    const file = await wordFile([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Partie' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'gras', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' et ' },
          { type: 'text', text: 'souligné', marks: [{ type: 'underline' }] },
          { type: 'text', text: ' et ' },
          { type: 'text', text: 'lien', marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }] },
        ],
      },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'puce' }] }] }],
      },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nom' }] }] },
            ],
          },
        ],
      },
    ]);
    const content = await noteContentFromDocx(file);
    const json = JSON.stringify(content);
    expect(content.content?.map((node) => node.type)).toEqual([
      'heading',
      'heading',
      'paragraph',
      'bulletList',
      'table',
    ]);
    expect(content.content?.[0]?.content?.[0]?.text).toBe('Titre du document');
    expect(json).toContain('"type":"bold"');
    expect(json).toContain('"type":"underline"');
    expect(json).toContain('"href":"https://example.org/"');
    // The running header and footer are no part of the note.
    expect(json).not.toContain('Confidentiel');
  });

  it('refuses a file that is not a Word document', async () => {
    await expect(noteContentFromDocx(Buffer.from('ceci nest pas un zip'))).rejects.toMatchObject({
      code: 'importUnreadable',
    });
  });

  it('refuses a damaged Word document', async () => {
    const file = await wordFile([]);
    const damaged = Buffer.from(file);
    // The archive's directory stays readable, the compressed parts are garbage.
    damaged.fill(0x41, 40, Math.floor(file.length / 2));
    await expect(noteContentFromDocx(damaged)).rejects.toMatchObject({ code: 'importUnreadable' });
  });

  it('refuses an archive that unpacks to more than 50 MB', async () => {
    const file = Buffer.from(await wordFile([]));
    // Declares one part 60 MB uncompressed, as a zip bomb does.
    const entry = file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    file.writeUInt32LE(60 * 1024 * 1024, entry + 24);
    await expect(noteContentFromDocx(file)).rejects.toMatchObject({
      code: 'importTooLarge',
      message: expect.stringContaining('50 Mo'),
    });
  });

  it('refuses a file over 5 MB before reading it', async () => {
    await expect(noteContentFromDocx(Buffer.alloc(6 * 1024 * 1024))).rejects.toMatchObject({ code: 'importTooLarge' });
  });
});
