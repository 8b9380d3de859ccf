import { describe, expect, it } from 'vitest';
import { noteContentFromText } from './text-import.ts';

describe('noteContentFromText', () => {
  it('makes a paragraph of each block and keeps the line breaks inside it', () => {
    expect(noteContentFromText('un\r\ndeux\n\n  \ntrois\n')).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'un' }, { type: 'hardBreak' }, { type: 'text', text: 'deux' }],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'trois' }] },
      ],
    });
  });

  it('keeps markup and control characters out of the note', () => {
    const content = noteContentFromText('<script>alert(1)</script>\u0000\u001b[31m');
    expect(content.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>  [31m' }] },
    ]);
  });

  it('makes an empty note from an empty file', () => {
    expect(noteContentFromText('')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('refuses more than 2 MB of text', () => {
    expect(() => noteContentFromText('a'.repeat(2 * 1024 * 1024 + 1))).toThrow(
      expect.objectContaining({ code: 'importTooLarge' }),
    );
  });
});
