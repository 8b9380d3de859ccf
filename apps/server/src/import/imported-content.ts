import { createDocumentRules, isSafeHref, MAX_NESTING_DEPTH, type NoteContent, TEXT_NODE } from '@plume/editor-schema';
import { RefusalError } from '../refusal-error.ts';

const rules = createDocumentRules();

// The attributes the editor gives every link it makes; an imported link carries only its target.
const LINK_ATTRIBUTES = { target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null };

/**
 * Makes parsed content what the editor itself would have made: links reduced to a safe target
 * (the others keep only their text), then checks it against the document rules every update to a
 * note must pass; throws `importTooComplex` saying what is wrong.
 */
export function importedContent(parsed: NoteContent): NoteContent {
  const content = normalised(parsed);
  const problem = contentProblem(content);
  if (problem)
    throw new RefusalError(
      'importTooComplex',
      `Le contenu ne peut pas devenir une note (${problem}). — The content cannot become a note (${problem}).`,
    );
  return content;
}

function normalised(node: NoteContent): NoteContent {
  const marks = node.marks
    ?.filter((mark) => mark.type !== 'link' || isSafeHref(mark.attrs?.href))
    .map((mark) =>
      mark.type === 'link' ? { type: 'link', attrs: { href: mark.attrs?.href, ...LINK_ATTRIBUTES } } : mark,
    );
  return {
    ...node,
    ...(marks && { marks }),
    ...(node.content && { content: node.content.map(normalised) }),
  };
}

// The same checks the sync gate makes on each update, walked over ProseMirror JSON.
function contentProblem(root: NoteContent): string | null {
  if (root.type !== rules.rootNode) return `the root is not "${rules.rootNode}"`;
  const pending: { node: NoteContent; depth: number }[] = [{ node: root, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { node, depth } = item;
    for (const child of node.content ?? []) {
      if (depth + 1 > MAX_NESTING_DEPTH) return `nesting deeper than ${MAX_NESTING_DEPTH} levels`;
      const name = child.type === 'text' ? TEXT_NODE : String(child.type);
      const problem = rules.checkChild(String(node.type), name);
      if (problem) return problem;
      if (name !== TEXT_NODE) {
        for (const [key, value] of Object.entries(child.attrs ?? {})) {
          const attributeProblem = rules.checkNodeAttribute(name, key, value);
          if (attributeProblem) return attributeProblem;
        }
      }
      for (const mark of child.marks ?? []) {
        const markProblem = rules.checkMark(mark.type, mark.attrs ?? {});
        if (markProblem) return markProblem;
      }
      pending.push({ node: child, depth: depth + 1 });
    }
  }
  return null;
}
