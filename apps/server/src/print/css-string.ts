/**
 * A quoted CSS string literal that shows `text` as it is: every character but letters, digits,
 * spaces and harmless punctuation is written as a hex escape, so quotes, backslashes, newlines
 * and `<` (which could close the enclosing `<style>` element as `</style>`) never act as syntax.
 */
export function cssString(text: string): string {
  let escaped = '';
  for (const character of text) {
    if (/^[\p{L}\p{N} .,:;!?’()«»—–·…-]$/u.test(character)) escaped += character;
    else {
      const codePoint = character.codePointAt(0) ?? 0;
      // The trailing space ends the escape; CSS swallows it, so a following hex digit is not read as part of it.
      escaped += `\\${codePoint.toString(16).toUpperCase()} `;
    }
  }
  return `"${escaped}"`;
}
