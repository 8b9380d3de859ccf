import { describe, expect, it } from 'vitest';
import { attachmentDisposition, safeFileStem } from './export-file-name.ts';

describe('safeFileStem', () => {
  it('strips accents and replaces everything else by hyphens', () => {
    expect(safeFileStem('Réforme des retraites : état des lieux')).toBe('Reforme-des-retraites-etat-des-lieux');
  });

  it('never keeps path separators, quotes or markup', () => {
    const stem = safeFileStem('../../etc/passwd"</style><script>alert(1)</script>');
    expect(stem).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(stem.startsWith('.')).toBe(false);
    expect(stem).not.toContain('/');
  });

  it('keeps at most 80 characters', () => {
    expect(safeFileStem('a'.repeat(200))).toHaveLength(80);
  });

  it('falls back to "note" when nothing is left', () => {
    expect(safeFileStem('')).toBe('note');
    expect(safeFileStem('日本語')).toBe('note');
    expect(safeFileStem('...')).toBe('note');
  });
});

describe('attachmentDisposition', () => {
  it('carries an ASCII name and the real title in RFC 5987 form', () => {
    expect(attachmentDisposition("Note d'été (v2)", 'md')).toBe(
      `attachment; filename="Note-d-ete-v2.md"; filename*=UTF-8''Note%20d%27%C3%A9t%C3%A9%20%28v2%29.md`,
    );
  });

  it('keeps quotes and line breaks out of the header', () => {
    const header = attachmentDisposition('a"b\r\nSet-Cookie: x', 'txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
  });
});
