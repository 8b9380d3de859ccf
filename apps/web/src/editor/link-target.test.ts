import { describe, expect, it } from 'vitest';
import { normaliseLinkTarget } from './link-target.ts';

describe('the address typed in the link dialog', () => {
  it('keeps http, https and mailto addresses as typed', () => {
    expect(normaliseLinkTarget('https://www.insee.fr/fr/statistiques')).toEqual({
      ok: true,
      href: 'https://www.insee.fr/fr/statistiques',
    });
    expect(normaliseLinkTarget('  http://exemple.fr  ')).toEqual({ ok: true, href: 'http://exemple.fr' });
    expect(normaliseLinkTarget('mailto:presse@exemple.fr')).toEqual({ ok: true, href: 'mailto:presse@exemple.fr' });
  });

  it('adds https to an address typed without its scheme', () => {
    expect(normaliseLinkTarget('insee.fr')).toEqual({ ok: true, href: 'https://insee.fr' });
    expect(normaliseLinkTarget('www.insee.fr/fr/statistiques/1893198')).toEqual({
      ok: true,
      href: 'https://www.insee.fr/fr/statistiques/1893198',
    });
    expect(normaliseLinkTarget('//insee.fr/x')).toEqual({ ok: true, href: 'https://insee.fr/x' });
    expect(normaliseLinkTarget('localhost.test:8080/a')).toEqual({ ok: true, href: 'https://localhost.test:8080/a' });
  });

  it('turns an e-mail address into a mailto link', () => {
    expect(normaliseLinkTarget('anne@exemple.fr')).toEqual({ ok: true, href: 'mailto:anne@exemple.fr' });
  });

  it('refuses every other scheme, however it is spelled', () => {
    for (const typed of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'tel:+33123456789',
      'file:///etc/passwd',
      'plume-unknown:x',
    ]) {
      expect(normaliseLinkTarget(typed)).toEqual({ ok: false, reason: 'unsafe' });
    }
  });

  it('refuses what is empty or is no address at all', () => {
    expect(normaliseLinkTarget('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(normaliseLinkTarget('insee')).toEqual({ ok: false, reason: 'invalid' });
    expect(normaliseLinkTarget('https://exa mple.fr')).toEqual({ ok: false, reason: 'invalid' });
    expect(normaliseLinkTarget('java\nscript:alert(1)')).toEqual({ ok: false, reason: 'invalid' });
    expect(normaliseLinkTarget(`https://exemple.fr/${'a'.repeat(3000)}`)).toEqual({ ok: false, reason: 'invalid' });
  });
});
