import { h } from './dom.ts';

/** What a form tells the person after they submit it, and how it shows it is busy. */
export type FormFeedback = {
  /** The lines to place at the end of the form: one for errors, one for confirmations. */
  readonly elements: readonly [HTMLElement, HTMLElement];
  /** Shows an error; marks `field` as the one at fault and moves the focus to it. */
  fail(message: string, field?: HTMLInputElement | HTMLSelectElement | null): void;
  /** Shows a confirmation. */
  succeed(message: string): void;
  /**
   * Clears earlier messages, disables the form's buttons while `work` runs, and shows why it
   * failed if it rejects.
   */
  run(work: () => Promise<void>): void;
};

/** Creates the feedback lines of `form`; `describe` turns a rejection into a sentence for the person. */
export function createFormFeedback(form: HTMLFormElement, describe: (error: unknown) => string): FormFeedback {
  const error = h('p', { class: 'error', role: 'alert' });
  const success = h('p', { class: 'success', role: 'status' });
  const setBusy = (busy: boolean) => {
    if (busy) form.setAttribute('aria-busy', 'true');
    else form.removeAttribute('aria-busy');
    for (const button of form.querySelectorAll('button')) button.disabled = busy;
  };
  const feedback: FormFeedback = {
    elements: [error, success],
    fail(message, field = null) {
      error.textContent = message;
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        field.focus();
      }
    },
    succeed(message) {
      success.textContent = message;
    },
    run(work) {
      error.textContent = '';
      success.textContent = '';
      for (const invalid of form.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
      setBusy(true);
      work().then(
        () => setBusy(false),
        (failure: unknown) => {
          setBusy(false);
          feedback.fail(describe(failure));
        },
      );
    },
  };
  return feedback;
}
