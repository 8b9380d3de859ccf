import { THEME_COLORS } from '@plume/protocol';
import type { MessageKey } from '../i18n/fr.ts';
import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';

type ThemeColor = (typeof THEME_COLORS)[number];

// Named, so that choosing one by ear works as well as by sight.
const COLOR_NAMES: Record<ThemeColor, MessageKey> = {
  '#fde68a': 'themeColor.yellow',
  '#bbf7d0': 'themeColor.green',
  '#bfdbfe': 'themeColor.blue',
  '#fecaca': 'themeColor.red',
  '#ddd6fe': 'themeColor.violet',
  '#fed7aa': 'themeColor.orange',
  '#a5f3fc': 'themeColor.cyan',
  '#e5e7eb': 'themeColor.grey',
};

/** A choice among the theme colours: radio buttons drawn as swatches, each named for screen readers. */
export type ColorPicker = {
  readonly element: HTMLFieldSetElement;
  /** The colour chosen, `#rrggbb`. */
  value(): string;
};

/** Creates a colour picker whose radios are named `name`; `selected` is chosen at first (the first colour if unknown). */
export function createColorPicker(deps: { i18n: Translator; name: string; selected?: string }): ColorPicker {
  const { i18n, name } = deps;
  const selected = THEME_COLORS.find((color) => color === deps.selected?.toLowerCase()) ?? THEME_COLORS[0];
  const element = h('fieldset', { class: 'color-picker' }, h('legend', {}, i18n.t('themes.color')));
  const radios = THEME_COLORS.map((color) => {
    const radio = h('input', { type: 'radio', name, value: color });
    radio.checked = color === selected;
    radio.defaultChecked = color === selected;
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.setProperty('--swatch-color', color);
    element.append(
      h(
        'label',
        { class: 'swatch-option' },
        radio,
        swatch,
        h('span', { class: 'visually-hidden' }, i18n.t(COLOR_NAMES[color])),
      ),
    );
    return radio;
  });
  return {
    element,
    value: () => radios.find((radio) => radio.checked)?.value ?? selected,
  };
}
