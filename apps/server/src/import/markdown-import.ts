import type { NoteContent } from '@plume/editor-schema';
import MarkdownIt from 'markdown-it';
import { noteContentFromHtml } from './html-import.ts';
import { requireTextLength } from './import-limits.ts';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

// Raw HTML stays text and bare URLs stay text: a Markdown file brings only Markdown's own markup.
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

// `- [ ] task` and `- [x] done`, as GitHub writes checklists.
const TASK_MARKER = /^\[([ xX])\](?:[ \t]+|$)/;

/**
 * A Markdown file (CommonMark with GFM tables, strikethrough and task lists) as note content: its
 * HTML rendering goes through the HTML import, so the same schema rules reduce both; a bullet
 * list whose items all start with `[ ]` or `[x]` becomes a checklist.
 */
export function noteContentFromMarkdown(source: string): NoteContent {
  requireTextLength(source);
  const env = {};
  const tokens = markdown.parse(source, env);
  markTaskLists(tokens);
  return noteContentFromHtml(markdown.renderer.render(tokens, markdown.options, env));
}

// Sets the attributes the editor's checklist parse rules look for, and removes the markers.
function markTaskLists(tokens: Token[]): void {
  tokens.forEach((list, start) => {
    if (list.type !== 'bullet_list_open') return;
    const items: { item: Token; inline: Token; marker: string; checked: boolean }[] = [];
    for (let index = start + 1; index < tokens.length; index++) {
      const token = tokens[index] as Token;
      if (token.type === 'bullet_list_close' && token.level === list.level) break;
      if (token.type !== 'list_item_open' || token.level !== list.level + 1) continue;
      const inline = tokens[index + 2];
      const first = inline?.children?.[0];
      const match = tokens[index + 1]?.type === 'paragraph_open' && inline ? TASK_MARKER.exec(inline.content) : null;
      if (!inline || !match || first?.type !== 'text' || !first.content.startsWith(match[0].trimEnd())) return;
      items.push({ item: token, inline, marker: match[0], checked: match[1] !== ' ' });
    }
    if (items.length === 0) return;
    list.attrSet('data-type', 'taskList');
    for (const { item, inline, marker, checked } of items) {
      item.attrSet('data-type', 'taskItem');
      item.attrSet('data-checked', String(checked));
      const first = inline.children?.[0] as Token;
      first.content = first.content.slice(marker.length).replace(/^[ \t]+/, '');
    }
  });
}
