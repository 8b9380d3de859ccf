import type { MessageKey } from '../i18n/fr.ts';
import type { Translator } from '../i18n/translator.ts';
import { h } from '../views/dom.ts';
import { ariaKeyShortcuts, describeShortcut, isApplePlatform } from './key-shortcut.ts';
import { editorIcon, type IconName } from './toolbar-icons.ts';

/**
 * An icon button of the editor's toolbars, named in the person's language for screen readers,
 * with its shortcuts in `aria-keyshortcuts` and in the tooltip (⌘ on Apple systems, Ctrl
 * elsewhere); a toggle starts with `aria-pressed="false"`. It is out of the tab order until the
 * toolbar's roving focus puts it in.
 */
export function toolbarButton(
  spec: { label: MessageKey; icon: IconName; shortcuts: readonly string[]; toggle: boolean },
  i18n: Translator,
): HTMLButtonElement {
  const label = i18n.t(spec.label);
  const apple = isApplePlatform(navigator.platform);
  const [shortcut] = spec.shortcuts;
  const names = { shift: i18n.t('editor.key.shift'), enter: i18n.t('editor.key.enter') };
  const button = h('button', {
    type: 'button',
    class: 'toolbar-button',
    tabindex: '-1',
    'aria-label': label,
    title: shortcut === undefined ? label : `${label} (${describeShortcut(shortcut, apple, names)})`,
    ...(spec.shortcuts.length > 0 ? { 'aria-keyshortcuts': ariaKeyShortcuts(spec.shortcuts, apple) } : {}),
    ...(spec.toggle ? { 'aria-pressed': 'false' } : {}),
  });
  button.append(editorIcon(spec.icon));
  return button;
}
