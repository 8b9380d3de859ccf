import { describe, expect, it } from 'vitest';
import { createDocumentRules, TEXT_NODE } from './document-rules.ts';

describe('document rules', () => {
  const rules = createDocumentRules();

  it('place blocks in the document, text in paragraphs and list items in lists', () => {
    expect(rules.rootNode).toBe('doc');
    expect(rules.checkChild('doc', 'paragraph')).toBeNull();
    expect(rules.checkChild('paragraph', TEXT_NODE)).toBeNull();
    expect(rules.checkChild('paragraph', 'hardBreak')).toBeNull();
    expect(rules.checkChild('bulletList', 'listItem')).toBeNull();
    expect(rules.checkChild('listItem', 'bulletList')).toBeNull();
  });

  it('refuse unknown nodes and nodes out of place', () => {
    expect(rules.checkChild('doc', 'iframe')).toMatch(/unknown node type "iframe"/);
    expect(rules.checkChild('doc', TEXT_NODE)).toMatch(/cannot be placed/);
    expect(rules.checkChild('paragraph', 'paragraph')).toMatch(/cannot be placed/);
    expect(rules.checkChild('doc', 'listItem')).toMatch(/cannot be placed/);
    expect(rules.checkChild('script', 'paragraph')).toMatch(/unknown node type "script"/);
  });

  it('check node attributes against the schema', () => {
    expect(rules.checkNodeAttribute('heading', 'level', 2)).toBeNull();
    expect(rules.checkNodeAttribute('heading', 'level', 7)).toMatch(/level/);
    expect(rules.checkNodeAttribute('heading', 'onclick', 'x')).toMatch(/no attribute "onclick"/);
    expect(rules.checkNodeAttribute('paragraph', 'constructor', 'x')).toMatch(/no attribute/);
    expect(rules.checkNodeAttribute('orderedList', 'start', 3)).toBeNull();
    expect(rules.checkNodeAttribute('orderedList', 'start', -1)).not.toBeNull();
    expect(rules.checkNodeAttribute('codeBlock', 'language', 'typescript')).toBeNull();
    expect(rules.checkNodeAttribute('codeBlock', 'language', '"><script>')).not.toBeNull();
  });

  it('place rows in tables, cells in rows, checklist items in checklists, page breaks among blocks', () => {
    expect(rules.checkChild('doc', 'table')).toBeNull();
    expect(rules.checkChild('table', 'tableRow')).toBeNull();
    expect(rules.checkChild('tableRow', 'tableHeader')).toBeNull();
    expect(rules.checkChild('tableCell', 'paragraph')).toBeNull();
    expect(rules.checkChild('taskList', 'taskItem')).toBeNull();
    expect(rules.checkChild('doc', 'pageBreak')).toBeNull();
    expect(rules.checkChild('table', 'paragraph')).toMatch(/cannot be placed/);
    expect(rules.checkChild('pageBreak', TEXT_NODE)).toMatch(/cannot be placed/);
  });

  it('bound table cell spans, widths and alignments', () => {
    expect(rules.checkNodeAttribute('tableCell', 'colspan', 2)).toBeNull();
    expect(rules.checkNodeAttribute('tableCell', 'colwidth', [120, 80])).toBeNull();
    expect(rules.checkNodeAttribute('tableHeader', 'align', 'right')).toBeNull();
    expect(rules.checkNodeAttribute('tableCell', 'colspan', 0)).toMatch(/colspan/);
    expect(rules.checkNodeAttribute('tableCell', 'rowspan', 1e9)).toMatch(/rowspan/);
    expect(rules.checkNodeAttribute('tableCell', 'colwidth', ['1px'])).toMatch(/column widths/);
    expect(rules.checkNodeAttribute('tableHeader', 'align', 'justify; color: red')).toMatch(/align/);
    expect(rules.checkNodeAttribute('taskItem', 'checked', true)).toBeNull();
    expect(rules.checkNodeAttribute('taskItem', 'checked', 'yes')).not.toBeNull();
  });

  it('accept known marks, with y-prosemirror hash suffixes and format ends', () => {
    expect(rules.checkMark('bold', {})).toBeNull();
    expect(rules.checkMark('underline', {})).toBeNull();
    expect(rules.checkMark('highlight', {})).toBeNull();
    expect(rules.checkMark('bold', null)).toBeNull();
    expect(rules.checkMark('italic--AbCd12+/', {})).toBeNull();
    expect(
      rules.checkMark('link', {
        href: 'https://www.insee.fr',
        target: '_blank',
        rel: 'noopener',
        class: null,
        title: null,
      }),
    ).toBeNull();
  });

  it('refuse unknown marks, bad attributes and unsafe links', () => {
    expect(rules.checkMark('comment', {})).toMatch(/unknown mark "comment"/);
    expect(rules.checkMark('bold', { style: 'x' })).toMatch(/no attribute "style"/);
    expect(rules.checkMark('bold', 'yes')).toMatch(/not an object/);
    expect(rules.checkMark('link', { href: 'javascript:alert(1)' })).toMatch(/href/);
    expect(rules.checkMark('link', {})).toMatch(/href/);
    expect(rules.checkMark('link', { href: 'tel:+33100000000' })).toMatch(/href/);
    expect(rules.checkMark('highlight', { color: 'red' })).toMatch(/no attribute "color"/);
    expect(rules.checkMark('link', { href: 'https://a.fr', target: '_top' })).toMatch(/target/);
  });
});
