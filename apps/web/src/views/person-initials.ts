/** Up to two initials for a person's avatar: first and last word of the name, "?" for none. */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s\-_.]+/u)
    .filter((word) => word.length > 0);
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  // Array.from keeps letters outside the BMP whole.
  const initial = (word: string) => (Array.from(word)[0] ?? '').toLocaleUpperCase();
  return last ? initial(first) + initial(last) : initial(first);
}
