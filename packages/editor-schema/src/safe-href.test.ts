import { describe, expect, it } from 'vitest';
import { isSafeHref } from './safe-href.ts';

describe('safe link targets', () => {
  it('accepts web and mail links', () => {
    for (const href of ['https://www.insee.fr/fr/statistiques', 'http://example.org', 'mailto:a@b.fr']) {
      expect(isSafeHref(href)).toBe(true);
    }
  });

  it('refuses scripts, data, files, relative and disguised targets', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'tel:+33123456789',
      'notes:internal',
      'javascript&colon;alert(1)',
      '\u0000javascript:alert(1)',
      'file:///etc/passwd',
      '/notes/abc',
      '//evil.example',
      '',
      `https://a.fr/${'x'.repeat(3000)}`,
      42,
      null,
    ]) {
      expect(isSafeHref(href), String(href)).toBe(false);
    }
  });
});
