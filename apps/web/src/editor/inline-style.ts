const PROPERTY = /^-?[a-z][a-z0-9-]*$/;

/**
 * The declarations of an inline `style` attribute, by lower-case property name; the last one wins,
 * `!important` is dropped. Read from the text because a style attribute the page's
 * Content-Security-Policy blocks has an empty CSSOM.
 */
export function parseInlineStyle(text: string): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const declaration of splitDeclarations(text)) {
    const colon = declaration.indexOf(':');
    if (colon <= 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, '')
      .trim();
    if (PROPERTY.test(property) && value !== '') declarations.set(property, value);
  }
  return declarations;
}

// Semicolons inside quotes or parentheses (font names, url()) do not end a declaration.
function splitDeclarations(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  let depth = 0;
  for (const character of text) {
    if (quote !== null) {
      if (character === quote) quote = null;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '(') depth += 1;
    else if (character === ')') depth = Math.max(0, depth - 1);
    else if (character === ';' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += character;
  }
  parts.push(current);
  return parts;
}
