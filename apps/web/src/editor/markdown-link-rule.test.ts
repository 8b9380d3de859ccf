import { describe, expect, it } from 'vitest';
import { findMarkdownLink } from './markdown-link-rule.ts';

describe('the Markdown link typed in a note', () => {
  it('is found when its address is safe, at the end of the text typed', () => {
    expect(findMarkdownLink('Voir [la note INSEE](https://www.insee.fr/fr/statistiques)')).toEqual({
      index: 5,
      text: '[la note INSEE](https://www.insee.fr/fr/statistiques)',
      data: { label: 'la note INSEE', href: 'https://www.insee.fr/fr/statistiques' },
    });
    expect(findMarkdownLink('[écrire](mailto:presse@exemple.fr)')?.data).toEqual({
      label: 'écrire',
      href: 'mailto:presse@exemple.fr',
    });
  });

  it('is left as typed when its address is not a safe absolute link', () => {
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'plume-x:y',
      'insee.fr',
      '/notes',
    ]) {
      expect(findMarkdownLink(`[texte](${href})`)).toBeNull();
    }
  });

  it('needs some text and the closing parenthesis last', () => {
    expect(findMarkdownLink('[ ](https://exemple.fr)')).toBeNull();
    expect(findMarkdownLink('[texte](https://exemple.fr) et la suite')).toBeNull();
    expect(findMarkdownLink('[texte](https://exemple.fr')).toBeNull();
  });
});
