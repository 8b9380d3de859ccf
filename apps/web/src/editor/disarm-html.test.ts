import { describe, expect, it } from 'vitest';
import { disarmHtml } from './disarm-html.ts';

describe('disarming pasted HTML before it is parsed', () => {
  it('renames style and event handler attributes, keeping their values', () => {
    expect(disarmHtml('<p style="font-weight:700" onclick="alert(1)">a</p>')).toBe(
      '<p data-plume-style="font-weight:700" data-plume-onclick="alert(1)">a</p>',
    );
    expect(disarmHtml("<IMG SRC=x OnError='alert(1)'/>")).toBe("<IMG SRC=x data-plume-OnError='alert(1)'/>");
    expect(disarmHtml('<svg/onload=alert(1)>')).toBe('<svg/data-plume-onload=alert(1)>');
    expect(disarmHtml('<b a="1"style="x">')).toBe('<b a="1"data-plume-style="x">');
  });

  it('leaves quoted values, text and other attributes alone', () => {
    expect(disarmHtml('<a href="https://exemple.fr/?q=a>b" title="style=x onclick">online style=1</a>')).toBe(
      '<a href="https://exemple.fr/?q=a>b" title="style=x onclick">online style=1</a>',
    );
    expect(disarmHtml('<p data-style="x" class="onions">3 < 4</p>')).toBe('<p data-style="x" class="onions">3 < 4</p>');
  });

  it('renames style elements, their end tags included', () => {
    expect(disarmHtml('<style type="text/css">p{}</style ><STYLE>b{}</STYLE>')).toBe(
      '<plume-style type="text/css">p{}</plume-style ><plume-style>b{}</plume-style>',
    );
  });

  it('keeps Word’s conditional comments as they are', () => {
    const word = "<![if !supportLists]><span style='mso-list:Ignore'>1.</span><![endif]>";
    expect(disarmHtml(word)).toBe("<![if !supportLists]><span data-plume-style='mso-list:Ignore'>1.</span><![endif]>");
  });
});
