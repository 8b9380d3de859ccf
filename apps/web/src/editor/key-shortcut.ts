/** Names of the keys that differ between languages, as a keyboard's keycaps print them. */
export type KeyNames = { readonly shift: string; readonly enter: string };

// Apple's order of modifiers in menus: Control, Option, Shift, Command.
const APPLE_SYMBOLS: ReadonlyArray<readonly [modifier: string, symbol: string]> = [
  ['Ctrl', '⌃'],
  ['Alt', '⌥'],
  ['Shift', '⇧'],
  ['Mod', '⌘'],
];

/** Whether the system is one of Apple's, where `Mod` is ⌘: the same test as ProseMirror's keymap makes. */
export function isApplePlatform(platform: string): boolean {
  return /Mac|iP(hone|[oa]d)/.test(platform);
}

/**
 * The `aria-keyshortcuts` value of shortcuts written the way Tiptap writes them (`Mod-Shift-z`):
 * alternatives separated by spaces, `Mod` as Meta on Apple systems and Control elsewhere.
 */
export function ariaKeyShortcuts(shortcuts: readonly string[], apple: boolean): string {
  return shortcuts
    .map((shortcut) => {
      const { modifiers, key } = splitShortcut(shortcut);
      const names = modifiers.map((modifier) =>
        modifier === 'Mod' ? (apple ? 'Meta' : 'Control') : ariaModifier(modifier),
      );
      return [...names, key].join('+');
    })
    .join(' ');
}

/** A shortcut as a person reads it in a tooltip: `Ctrl+Maj+Z` in French on a PC, `⇧⌘Z` on a Mac. */
export function describeShortcut(shortcut: string, apple: boolean, names: KeyNames): string {
  const { modifiers, key } = splitShortcut(shortcut);
  if (apple) {
    const symbols = APPLE_SYMBOLS.filter(([modifier]) => modifiers.includes(modifier)).map(([, symbol]) => symbol);
    return [...symbols, key === 'Enter' ? '↩' : key].join('');
  }
  const words = modifiers.map((modifier) =>
    modifier === 'Shift' ? names.shift : modifier === 'Mod' ? 'Ctrl' : modifier,
  );
  return [...words, key === 'Enter' ? names.enter : key].join('+');
}

function splitShortcut(shortcut: string): { modifiers: string[]; key: string } {
  const parts = shortcut.split('-');
  const key = parts.pop();
  if (!key) throw new Error(`not a shortcut: "${shortcut}"`);
  const modifiers = parts.map((part) => (part === 'Control' ? 'Ctrl' : part));
  for (const modifier of modifiers) {
    if (!['Mod', 'Ctrl', 'Alt', 'Shift'].includes(modifier)) throw new Error(`unknown modifier in "${shortcut}"`);
  }
  return { modifiers, key: key.length === 1 ? key.toUpperCase() : key };
}

function ariaModifier(modifier: string): string {
  return modifier === 'Ctrl' ? 'Control' : modifier;
}
