import type { SnippetPart } from '@plume/protocol';
import { normaliseTerm, TOKEN } from './search-terms.ts';

/** Most passages shown per note. */
const MAX_SNIPPETS = 3;
/** Characters of context kept before and after the first match of a passage. */
const CONTEXT_BEFORE = 60;
const CONTEXT_AFTER = 120;

type Match = { start: number; end: number };

function matchesIn(text: string, terms: ReadonlySet<string>): Match[] {
  const matches: Match[] = [];
  for (const token of text.matchAll(TOKEN)) {
    if (terms.has(normaliseTerm(token[0]))) matches.push({ start: token.index, end: token.index + token[0].length });
  }
  return matches;
}

function partsOf(text: string, from: number, to: number, matches: Match[]): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = from;
  for (const { start, end } of matches) {
    if (end <= from || start >= to) continue;
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: text.slice(Math.max(start, at), end), match: true });
    at = end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), match: false });
  return parts;
}

/** The whole of a short text (a title), with the words matching `terms` marked. */
export function markMatches(text: string, terms: ReadonlySet<string>): SnippetPart[] {
  return partsOf(text, 0, text.length, matchesIn(text, terms));
}

/**
 * Up to three passages of `text` around words matching `terms` (normalised index terms), cut at
 * word boundaries, with an ellipsis where the text goes on, matches marked. No match: no passage.
 */
export function snippetsOf(text: string, terms: ReadonlySet<string>): SnippetPart[][] {
  const matches = matchesIn(text, terms);
  const snippets: SnippetPart[][] = [];
  let coveredUntil = -1;
  for (const match of matches) {
    if (snippets.length === MAX_SNIPPETS) break;
    if (match.start < coveredUntil) continue;
    const from = wordStartBefore(text, Math.max(0, match.start - CONTEXT_BEFORE), match.start);
    const to = wordEndAfter(text, Math.min(text.length, match.end + CONTEXT_AFTER));
    const parts = partsOf(text, from, to, matches).map((part) => ({ ...part, text: part.text.replace(/\s+/g, ' ') }));
    if (from > 0) parts.unshift({ text: '…', match: false });
    if (to < text.length) parts.push({ text: '…', match: false });
    snippets.push(parts);
    coveredUntil = to;
  }
  return snippets;
}

// A passage starts after a line break or a space, never in the middle of a word.
function wordStartBefore(text: string, from: number, limit: number): number {
  if (from === 0) return 0;
  const lineStart = text.lastIndexOf('\n', limit - 1) + 1;
  if (lineStart > from) return lineStart;
  const space = text.indexOf(' ', from);
  return space === -1 || space >= limit ? from : space + 1;
}

function wordEndAfter(text: string, to: number): number {
  if (to >= text.length) return text.length;
  const space = text.lastIndexOf(' ', to);
  return space > 0 ? space : to;
}
