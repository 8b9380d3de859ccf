import { h } from './dom.ts';

/** A form control with its label above it and an optional hint below, tied together for screen readers. */
export function formField(
  label: string,
  control: HTMLInputElement | HTMLSelectElement,
  hint: string | null = null,
): HTMLElement {
  if (!control.id) throw new Error('formField needs a control with an id, for its label');
  const field = h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  if (hint !== null) {
    const hintId = `${control.id}-hint`;
    control.setAttribute('aria-describedby', hintId);
    field.append(h('p', { class: 'hint', id: hintId }, hint));
  }
  return field;
}

/** A checkbox with its label after it, the way people expect to click either. */
export function checkboxField(label: string, checkbox: HTMLInputElement): HTMLElement {
  if (!checkbox.id) throw new Error('checkboxField needs a checkbox with an id, for its label');
  return h('div', { class: 'field checkbox' }, checkbox, h('label', { for: checkbox.id }, label));
}

/** A `<select>` of values with their visible labels, `selected` chosen. */
export function selectOf<T extends string>(
  attributes: Record<string, string>,
  options: ReadonlyArray<readonly [value: T, label: string]>,
  selected: T,
): HTMLSelectElement {
  const select = h('select', attributes);
  for (const [value, label] of options) {
    const option = h('option', { value }, label);
    // The default too, so that resetting the form comes back to `selected`.
    option.defaultSelected = value === selected;
    option.selected = value === selected;
    select.append(option);
  }
  return select;
}

/**
 * Gives a `<select>` these options and chooses `selected`, adding it with `unknownLabel` when it
 * is not among them (a theme not loaded yet). An unchanged list is left alone: rebuilding it would
 * close it under the person's pointer when a live update arrives.
 */
export function fillSelect(
  select: HTMLSelectElement,
  options: ReadonlyArray<readonly [value: string, label: string]>,
  selected: string,
  unknownLabel = '…',
): void {
  const all = options.some(([value]) => value === selected) ? options : [...options, [selected, unknownLabel] as const];
  const same =
    select.options.length === all.length &&
    all.every(
      ([value, label], index) => select.options[index]?.value === value && select.options[index]?.text === label,
    );
  if (!same) select.replaceChildren(...all.map(([value, label]) => h('option', { value }, label)));
  select.value = selected;
}
