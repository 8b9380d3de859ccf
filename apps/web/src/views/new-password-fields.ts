import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import { checkNewPassword } from '../new-password-check.ts';
import { h } from './dom.ts';
import type { FormFeedback } from './form-feedback.ts';
import { formField } from './form-field.ts';

/** A new password typed twice: the two fields, and a check that reports a problem through the form. */
export type NewPasswordFields = {
  readonly elements: readonly [HTMLElement, HTMLElement];
  /** The password as typed in the first field. */
  value(): string;
  /** The password when both fields agree and it follows the rules; otherwise says why and returns null. */
  check(feedback: FormFeedback): string | null;
};

/** Creates the two fields of a new password, with ids starting with `idPrefix`. */
export function createNewPasswordFields(deps: {
  i18n: Translator;
  idPrefix: string;
  label: string;
  againLabel: string;
}): NewPasswordFields {
  const { i18n, idPrefix, label, againLabel } = deps;
  const attributes = {
    type: 'password',
    autocomplete: 'new-password',
    required: '',
    minlength: String(PASSWORD_MIN_LENGTH),
    maxlength: String(PASSWORD_MAX_LENGTH),
  };
  const first = h('input', { ...attributes, id: `${idPrefix}-password`, name: 'new-password' });
  const again = h('input', { ...attributes, id: `${idPrefix}-password-again`, name: 'new-password-again' });
  return {
    elements: [
      formField(label, first, i18n.t('form.passwordHint', { min: PASSWORD_MIN_LENGTH })),
      formField(againLabel, again),
    ],
    value: () => first.value,
    check(feedback) {
      const problem = checkNewPassword(first.value, again.value);
      if (problem === null) return first.value;
      if (problem === 'mismatch') feedback.fail(i18n.t('form.passwordMismatch'), again);
      else if (problem === 'tooShort')
        feedback.fail(i18n.t('form.passwordTooShort', { min: PASSWORD_MIN_LENGTH }), first);
      else feedback.fail(i18n.t('form.passwordTooLong', { max: PASSWORD_MAX_LENGTH }), first);
      return null;
    },
  };
}
