import { isSafeHref } from '@plume/editor-schema';
import type { Editor } from '@tiptap/core';
import type { MessageKey } from '../i18n/fr.ts';
import type { Translator } from '../i18n/translator.ts';
import { openDialog } from '../views/dialog-frame.ts';
import { h } from '../views/dom.ts';
import { formField } from '../views/form-field.ts';
import { normaliseLinkTarget } from './link-target.ts';

const REFUSALS: Record<'empty' | 'unsafe' | 'invalid', MessageKey> = {
  empty: 'editor.link.empty',
  unsafe: 'editor.link.unsafe',
  invalid: 'editor.link.invalid',
};

/**
 * Opens the dialog that links the selected text, changes or removes the link at the caret, or,
 * with nothing selected, inserts a linked text. The address is normalised ("insee.fr" becomes
 * https://insee.fr) and refused, with the reason, unless it is http, https or mailto. An existing
 * link can be opened in a new tab from there, which is the way to follow one on a phone. Closes
 * itself when the editor goes; returns a function that closes it.
 */
export function openLinkDialog(deps: { editor: Editor; i18n: Translator }): () => void {
  const { editor, i18n } = deps;
  const href: unknown = editor.getAttributes('link').href;
  const existing = editor.isActive('link') && isSafeHref(href) ? href : null;
  const asksText = existing === null && editor.state.selection.empty;
  // Applied once the dialog has given the focus back, so that the editor can take it.
  let apply: (() => void) | null = null;
  const frame = openDialog({
    i18n,
    title: i18n.t(existing === null ? 'editor.link.insertTitle' : 'editor.link.editTitle'),
    className: 'link-dialog',
    onClosed: () => {
      editor.off('destroy', close);
      // The server may have refused the note meanwhile, and taken the editor away.
      if (!editor.isDestroyed && editor.isEditable) apply?.();
    },
  });
  const close = () => frame.close();
  editor.on('destroy', close);

  const url = h('input', {
    id: 'link-url',
    name: 'url',
    type: 'url',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    required: '',
  });
  url.value = existing ?? '';
  const text = h('input', { id: 'link-text', name: 'text', autocomplete: 'off' });
  const error = h('p', { class: 'error', role: 'alert', id: 'link-error' });
  const cancel = h('button', { type: 'button', class: 'secondary' }, i18n.t('common.cancel'));
  cancel.addEventListener('click', close);
  const actions = h('div', { class: 'dialog-actions' });
  const opening: HTMLElement[] = [];
  if (existing !== null) {
    const remove = h('button', { type: 'button', class: 'danger' }, i18n.t('editor.link.remove'));
    remove.addEventListener('click', () => {
      apply = () => editor.chain().focus().extendMarkRange('link').unsetLink().run();
      close();
    });
    actions.append(remove);
    opening.push(
      h(
        'p',
        { class: 'link-open' },
        h(
          'a',
          { href: existing, target: '_blank', rel: 'noopener noreferrer' },
          i18n.t('editor.link.open'),
          h('span', { 'aria-hidden': 'true' }, ' ↗'),
        ),
      ),
    );
  }
  actions.append(cancel, h('button', { type: 'submit', class: 'primary' }, i18n.t('editor.link.apply')));
  const form = h(
    'form',
    { class: 'stack', novalidate: '' },
    formField(i18n.t('editor.link.url'), url, i18n.t('editor.link.urlHint')),
    ...opening,
    ...(asksText ? [formField(i18n.t('editor.link.text'), text, i18n.t('editor.link.textHint'))] : []),
    error,
    actions,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = normaliseLinkTarget(url.value);
    if (!target.ok) {
      error.textContent = i18n.t(REFUSALS[target.reason]);
      url.setAttribute('aria-invalid', 'true');
      url.setAttribute('aria-errormessage', error.id);
      url.focus();
      return;
    }
    const linked = { href: target.href };
    if (existing !== null) apply = () => editor.chain().focus().extendMarkRange('link').setLink(linked).run();
    else if (!asksText) apply = () => editor.chain().focus().setLink(linked).run();
    else {
      const label = text.value.trim() || target.href;
      apply = () =>
        editor
          .chain()
          .focus()
          .insertContent({ type: 'text', text: label, marks: [{ type: 'link', attrs: linked }] })
          // What is typed next follows the link instead of extending it.
          .unsetMark('link')
          .run();
    }
    close();
  });
  frame.body.append(form);
  url.focus();
  url.select();
  return close;
}
