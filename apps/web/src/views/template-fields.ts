import { TEMPLATE_DESCRIPTION_MAX_LENGTH, TEMPLATE_NAME_MAX_LENGTH } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { FormFeedback } from './form-feedback.ts';

/** Tells the person which template field a refused request blamed, and moves focus there. */
export function reportTemplateField(
  field: string,
  inputs: { name: HTMLInputElement; description: HTMLTextAreaElement },
  feedback: FormFeedback,
  i18n: Translator,
): void {
  if (field === 'description') {
    feedback.fail(i18n.t('template.descriptionTooLong', { max: TEMPLATE_DESCRIPTION_MAX_LENGTH }));
    inputs.description.focus();
  } else feedback.fail(i18n.t('template.nameRequired', { max: TEMPLATE_NAME_MAX_LENGTH }), inputs.name);
}
