import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts, describeShortcut, isApplePlatform } from './key-shortcut.ts';

const FRENCH = { shift: 'Maj', enter: 'Entrée' };

describe('keyboard shortcuts', () => {
  it('tells Apple systems from the others as ProseMirror does', () => {
    expect(isApplePlatform('MacIntel')).toBe(true);
    expect(isApplePlatform('iPhone')).toBe(true);
    expect(isApplePlatform('Win32')).toBe(false);
    expect(isApplePlatform('Linux x86_64')).toBe(false);
  });

  it('names the keys for aria-keyshortcuts, alternatives separated by a space', () => {
    expect(ariaKeyShortcuts(['Mod-b'], false)).toBe('Control+B');
    expect(ariaKeyShortcuts(['Mod-b'], true)).toBe('Meta+B');
    expect(ariaKeyShortcuts(['Mod-Shift-z', 'Mod-y'], false)).toBe('Control+Shift+Z Control+Y');
    expect(ariaKeyShortcuts(['Mod-Enter'], false)).toBe('Control+Enter');
    expect(ariaKeyShortcuts(['Alt-F10'], true)).toBe('Alt+F10');
  });

  it('writes them in the tooltip as the person’s keyboard prints them', () => {
    expect(describeShortcut('Mod-Shift-s', false, FRENCH)).toBe('Ctrl+Maj+S');
    expect(describeShortcut('Mod-Enter', false, FRENCH)).toBe('Ctrl+Entrée');
    expect(describeShortcut('Mod-Shift-8', false, { shift: 'Shift', enter: 'Enter' })).toBe('Ctrl+Shift+8');
    expect(describeShortcut('Mod-Shift-s', true, FRENCH)).toBe('⇧⌘S');
    expect(describeShortcut('Mod-Enter', true, FRENCH)).toBe('⌘↩');
  });

  it('refuses a shortcut it cannot read, which is a programmer error', () => {
    expect(() => describeShortcut('Hyper-x', false, FRENCH)).toThrow(/unknown modifier/);
  });
});
