import type { ContentMatch, NodeType, Schema } from '@tiptap/pm/model';
import { CELL_ALIGNMENTS, HEADING_LEVELS } from './editor-extensions.ts';
import { createEditorSchema } from './editor-schema.ts';
import { isSafeHref } from './safe-href.ts';

/** Name under which a run of text appears among a node's children. */
export const TEXT_NODE = 'text';

/** Deepest nesting of elements below the document root that a note may have. */
export const MAX_NESTING_DEPTH = 32;

/** Most rows or columns one table cell may span. */
const MAX_CELL_SPAN = 100;

/** Widest column width a pasted table may carry, in CSS pixels. */
const MAX_COLUMN_WIDTH = 10_000;

/** Longest string attribute accepted on a node or mark when no rule says otherwise, in characters. */
const ATTRIBUTE_STRING_MAX_LENGTH = 256;

/**
 * What a note's document may contain, derived from the editor schema: the server checks every
 * update against these rules so that no peer's editor meets content it would have to throw away.
 * Every check returns why a value is refused, or null when it is accepted.
 */
export type DocumentRules = {
  /** Node type of the document's root fragment. */
  readonly rootNode: string;
  /** Why a child (a node type name, or TEXT_NODE for a run of text) cannot sit in `parent`. */
  checkChild(parent: string, child: string): string | null;
  /** Why a value cannot be the attribute `key` of a `node`. */
  checkNodeAttribute(node: string, key: string, value: unknown): string | null;
  /** Why a text format, keyed by mark name (maybe with y-prosemirror's hash suffix), cannot apply. */
  checkMark(key: string, value: unknown): string | null;
};

type ValueRule = (value: unknown) => string | null;

// Spans size the table grid every peer builds, so they are bounded; widths come one per column spanned.
const TABLE_CELL_RULES: Record<string, ValueRule> = {
  colspan: integerBetween(1, MAX_CELL_SPAN),
  rowspan: integerBetween(1, MAX_CELL_SPAN),
  colwidth: (value) =>
    value === null ||
    (Array.isArray(value) &&
      value.length <= MAX_CELL_SPAN &&
      value.every((width) => Number.isInteger(width) && width >= 0 && width <= MAX_COLUMN_WIDTH))
      ? null
      : 'not a list of column widths',
  align: oneOf([null, ...CELL_ALIGNMENTS]),
};

// Rules stricter than "same type as the default", for values that end up in markup or layout.
const NODE_ATTRIBUTE_RULES: Record<string, Record<string, ValueRule>> = {
  heading: { level: oneOf(HEADING_LEVELS) },
  orderedList: {
    start: (value) =>
      Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1e6 ? null : 'not a list number',
    type: oneOf([null, '1', 'a', 'A', 'i', 'I']),
  },
  // It becomes a class name in the printed note.
  codeBlock: {
    language: (value) =>
      value === null || (typeof value === 'string' && /^[\w+#.-]{1,32}$/.test(value)) ? null : 'not a language name',
  },
  tableCell: TABLE_CELL_RULES,
  tableHeader: TABLE_CELL_RULES,
};

const MARK_ATTRIBUTE_RULES: Record<string, Record<string, ValueRule>> = {
  link: {
    href: (value) => (isSafeHref(value) ? null : 'not a safe http(s), mailto or tel link'),
    target: oneOf([null, '_blank']),
    rel: shortTextOrNull(100),
    class: (value) =>
      value === null || (typeof value === 'string' && /^[\w -]{0,100}$/.test(value)) ? null : 'not a class list',
    title: shortTextOrNull(500),
  },
};

// y-prosemirror keys overlapping marks as `name--<8 base64 characters>`.
const HASHED_MARK_KEY = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/** Builds the rules of the shared editor schema, or of `schema` when given. */
export function createDocumentRules(schema: Schema = createEditorSchema()): DocumentRules {
  const childrenByNode = new Map<string, Set<string>>();
  for (const type of Object.values(schema.nodes)) childrenByNode.set(type.name, allowedChildren(type.contentMatch));

  return {
    rootNode: schema.topNodeType.name,
    checkChild(parent, child) {
      const allowed = childrenByNode.get(parent);
      if (!allowed) return `unknown node type "${parent}"`;
      if (child !== TEXT_NODE && !schema.nodes[child]) return `unknown node type "${child}"`;
      return allowed.has(child) ? null : `"${child}" cannot be placed in "${parent}"`;
    },
    checkNodeAttribute(node, key, value) {
      const type = schema.nodes[node];
      if (!type) return `unknown node type "${node}"`;
      return checkAttribute(type.spec.attrs, NODE_ATTRIBUTE_RULES[node], key, value, `"${node}"`);
    },
    checkMark(key, value) {
      const name = HASHED_MARK_KEY.exec(key)?.[1] ?? key;
      const type = schema.marks[name];
      if (!type) return `unknown mark "${name}"`;
      // null ends a format run.
      if (value === null) return null;
      if (typeof value !== 'object' || Array.isArray(value))
        return `mark "${name}" has attributes that are not an object`;
      const attributes = value as Record<string, unknown>;
      for (const [attribute, attributeValue] of Object.entries(attributes)) {
        const problem = checkAttribute(
          type.spec.attrs,
          MARK_ATTRIBUTE_RULES[name],
          attribute,
          attributeValue,
          `mark "${name}"`,
        );
        if (problem) return problem;
      }
      // Ruled attributes that are left out count as null: a link without a safe href is refused.
      for (const [attribute, rule] of Object.entries(MARK_ATTRIBUTE_RULES[name] ?? {})) {
        const problem = attribute in attributes ? null : rule(null);
        if (problem) return `mark "${name}" attribute "${attribute}": ${problem}`;
      }
      return null;
    },
  };
}

function checkAttribute(
  specs: Record<string, { default?: unknown }> | undefined,
  rules: Record<string, ValueRule> | undefined,
  key: string,
  value: unknown,
  owner: string,
): string | null {
  const spec = specs?.[key];
  if (!spec || !Object.hasOwn(specs, key)) return `${owner} has no attribute "${key}"`;
  const rule = rules?.[key];
  const problem = rule ? rule(value) : sameKindAsDefault(spec.default, value);
  return problem ? `${owner} attribute "${key}": ${problem}` : null;
}

function sameKindAsDefault(defaultValue: unknown, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value === 'string') {
    if (value.length > ATTRIBUTE_STRING_MAX_LENGTH) return 'too long';
    return defaultValue === null || typeof defaultValue === 'string' ? null : 'not the expected kind of value';
  }
  if (typeof value === 'number')
    return Number.isFinite(value) && typeof defaultValue === 'number' ? null : 'not the expected kind of value';
  if (typeof value === 'boolean') return typeof defaultValue === 'boolean' ? null : 'not the expected kind of value';
  return 'not a plain value';
}

function oneOf(values: readonly unknown[]): ValueRule {
  return (value) => (values.includes(value) ? null : `not one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
}

function integerBetween(min: number, max: number): ValueRule {
  return (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? null
      : `not a whole number from ${min} to ${max}`;
}

function shortTextOrNull(maxLength: number): ValueRule {
  return (value) =>
    value === null || (typeof value === 'string' && value.length <= maxLength) ? null : 'not a short text';
}

// Every node type that can appear somewhere in a content expression, found by walking its automaton.
function allowedChildren(start: ContentMatch): Set<string> {
  const children = new Set<string>();
  const seen = new Set<ContentMatch>([start]);
  const pending = [start];
  for (let match = pending.pop(); match !== undefined; match = pending.pop()) {
    for (let i = 0; i < match.edgeCount; i++) {
      const { type, next } = match.edge(i) as { type: NodeType; next: ContentMatch };
      children.add(type.name);
      if (!seen.has(next)) {
        seen.add(next);
        pending.push(next);
      }
    }
  }
  return children;
}
