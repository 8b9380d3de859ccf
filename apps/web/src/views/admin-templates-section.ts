import {
  TEMPLATE_DESCRIPTION_MAX_LENGTH,
  TEMPLATE_NAME_MAX_LENGTH,
  type TemplateSummary,
  updateTemplateRequest,
} from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { TemplatesApi } from '../templates-api.ts';
import { checkRequest } from '../validate-request.ts';
import { askToConfirm } from './confirm-dialog.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { formField } from './form-field.ts';
import { keepFocus } from './keep-focus.ts';
import { timeElement, whenText } from './note-badges.ts';
import { reportTemplateField } from './template-fields.ts';

/**
 * The templates part of the admin page: each template with its description, which admins rename,
 * describe or delete (after confirming). New templates are made from a note's page.
 */
export function mountTemplatesSection(root: HTMLElement, deps: { i18n: Translator; api: TemplatesApi }): () => void {
  const { i18n, api } = deps;
  const describe = (error: unknown) => i18n.t('admin.actionFailed', { reason: describeApiError(error, i18n) });
  let disposed = false;
  let templates: TemplateSummary[] = [];
  let editing: string | null = null;
  let closeDialog: (() => void) | null = null;

  const form = h('form', { class: 'list-form', novalidate: '' });
  const feedback = createFormFeedback(form, describe);
  const status = h('p', { class: 'muted' }, i18n.t('common.loading'));
  const list = h('ul', { class: 'template-list', 'aria-labelledby': 'admin-templates-title' });
  form.append(...feedback.elements, status, list);
  form.addEventListener('submit', (event) => event.preventDefault());

  async function reload(): Promise<void> {
    const loaded = await api.list();
    if (disposed) return;
    templates = [...loaded].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
    render();
  }

  function render(): void {
    status.textContent = templates.length === 0 ? i18n.t('admin.templates.empty') : '';
    keepFocus(list, () =>
      list.replaceChildren(
        ...templates.map((item) => (item.id === editing ? renderEditor(item) : renderTemplate(item))),
      ),
    );
  }

  function focusEdit(templateId: string): void {
    list.querySelector<HTMLElement>(`[data-focus-key="edit-${CSS.escape(templateId)}"]`)?.focus();
  }

  function renderTemplate(template: TemplateSummary): HTMLElement {
    const edit = h(
      'button',
      {
        type: 'button',
        class: 'secondary small',
        'aria-label': i18n.t('admin.templates.editNamed', { name: template.name }),
        'data-focus-key': `edit-${template.id}`,
      },
      i18n.t('common.edit'),
    );
    edit.addEventListener('click', () => {
      editing = template.id;
      render();
      list.querySelector<HTMLInputElement>(`#template-name-${CSS.escape(template.id)}`)?.focus();
    });
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'danger small',
        'aria-haspopup': 'dialog',
        'aria-label': i18n.t('admin.templates.deleteNamed', { name: template.name }),
      },
      i18n.t('common.delete'),
    );
    remove.addEventListener('click', () => {
      closeDialog?.();
      closeDialog = askToConfirm({
        i18n,
        title: i18n.t('admin.templates.confirmTitle', { name: template.name }),
        message: i18n.t('admin.templates.confirmText'),
        confirmLabel: i18n.t('common.delete'),
        onConfirm: () =>
          feedback.run(async () => {
            await api.remove(template.id);
            await reload();
          }),
      });
    });
    return h(
      'li',
      { class: 'template-item', 'data-template-id': template.id },
      h(
        'div',
        { class: 'who' },
        h('strong', {}, template.name),
        h('span', { class: 'muted' }, template.description || i18n.t('admin.templates.noDescription')),
        h(
          'span',
          { class: 'muted small-text' },
          timeElement(
            template.updatedAt,
            i18n.t('admin.templates.updated', { when: whenText(template.updatedAt, i18n) }),
            i18n,
          ),
        ),
      ),
      h('div', { class: 'actions' }, edit, remove),
    );
  }

  function renderEditor(template: TemplateSummary): HTMLElement {
    const name = h('input', {
      id: `template-name-${template.id}`,
      required: '',
      maxlength: String(TEMPLATE_NAME_MAX_LENGTH),
      autocomplete: 'off',
    });
    name.value = template.name;
    const descriptionId = `template-description-${template.id}`;
    const description = h('textarea', {
      id: descriptionId,
      rows: '2',
      maxlength: String(TEMPLATE_DESCRIPTION_MAX_LENGTH),
    });
    description.value = template.description;
    const save = h('button', { type: 'button', class: 'primary' }, i18n.t('common.save'));
    const cancel = h('button', { type: 'button', class: 'secondary' }, i18n.t('common.cancel'));
    const stop = () => {
      editing = null;
      render();
      focusEdit(template.id);
    };
    cancel.addEventListener('click', stop);
    save.addEventListener('click', () =>
      feedback.run(async () => {
        const checked = checkRequest(updateTemplateRequest, { name: name.value, description: description.value });
        if (!checked.ok) {
          reportTemplateField(checked.field, { name, description }, feedback, i18n);
          return;
        }
        await api.update(template.id, checked.value);
        editing = null;
        await reload();
        focusEdit(template.id);
      }),
    );
    const item = h(
      'li',
      { class: 'template-item editing', 'data-template-id': template.id },
      h(
        'div',
        { class: 'stack template-editor' },
        formField(i18n.t('admin.templates.name'), name),
        h(
          'div',
          { class: 'field' },
          h('label', { for: descriptionId }, i18n.t('admin.templates.description')),
          description,
        ),
        h('div', { class: 'row' }, save, cancel),
      ),
    );
    item.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      stop();
    });
    return item;
  }

  root.replaceChildren(
    h('h2', { id: 'admin-templates-title' }, i18n.t('admin.templates.title')),
    h('p', { class: 'muted' }, i18n.t('admin.templates.intro')),
    form,
  );
  reload().catch((error: unknown) => {
    if (!disposed) status.textContent = i18n.t('admin.loadFailed', { reason: describeApiError(error, i18n) });
  });
  return () => {
    disposed = true;
    closeDialog?.();
    root.replaceChildren();
  };
}
