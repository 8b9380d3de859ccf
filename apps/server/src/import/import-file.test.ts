import { describe, expect, it } from 'vitest';
import { importFile, importKindOf, titleFromContent } from './import-file.ts';

describe('importKindOf', () => {
  it('names the kind of each accepted media type, parameters ignored', () => {
    expect(importKindOf('text/markdown; charset=utf-8')).toBe('markdown');
    expect(importKindOf('TEXT/HTML')).toBe('html');
    expect(importKindOf('text/plain')).toBe('text');
    expect(importKindOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
  });

  it('refuses every other media type', () => {
    expect(importKindOf('application/json')).toBeNull();
    expect(importKindOf('image/svg+xml')).toBeNull();
    expect(importKindOf(undefined)).toBeNull();
  });
});

describe('importFile', () => {
  it('refuses a 6 MB file of any kind', async () => {
    for (const kind of ['markdown', 'html', 'text', 'docx'] as const)
      await expect(importFile(Buffer.alloc(6 * 1024 * 1024, 0x61), kind)).rejects.toMatchObject({
        code: 'importTooLarge',
        message: expect.stringMatching(/5 Mo.*5 MB/),
      });
  });

  it('refuses text that is not UTF-8', async () => {
    await expect(importFile(Buffer.from([0x61, 0xff, 0xfe, 0x62]), 'text')).rejects.toMatchObject({
      code: 'importUnreadable',
    });
  });

  it('reads UTF-8 with a byte order mark', async () => {
    const content = await importFile(Buffer.from('\ufeff# Été', 'utf8'), 'markdown');
    expect(titleFromContent(content)).toBe('Été');
  });
});

describe('titleFromContent', () => {
  it('takes the first heading, else the first text', () => {
    const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'premier  texte' }] };
    const heading = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Le titre' }] };
    expect(titleFromContent({ type: 'doc', content: [paragraph, heading] })).toBe('Le titre');
    expect(titleFromContent({ type: 'doc', content: [paragraph] })).toBe('premier texte');
    expect(titleFromContent({ type: 'doc', content: [{ type: 'paragraph' }] })).toBeNull();
  });
});
