import './styles.css';
import { loadIdentity, saveIdentity, type UserIdentity } from './collab/user-identity.ts';
import { createTranslator, pickLanguage } from './i18n/translator.ts';
import { notesApi } from './notes-api.ts';
import { routeOf } from './routes.ts';
import { createAppHeader } from './views/app-header.ts';
import { mountIdentityView } from './views/identity-view.ts';
import { mountNoteView } from './views/note-view.ts';
import { mountNotesListView } from './views/notes-list-view.ts';

// Composition root: config -> identity -> router -> views.
const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
const i18n = createTranslator(pickLanguage(window.location.search));
document.documentElement.lang = i18n.language;

let user: UserIdentity | null = loadIdentity(window.localStorage);
let disposeView: () => void = () => {};

function navigate(path: string): void {
  window.history.pushState(null, '', path);
  render();
}

function chooseName(): void {
  disposeView();
  disposeView = mountIdentityView(root as HTMLElement, {
    i18n,
    currentName: user?.name ?? null,
    onChosen(name) {
      user = saveIdentity(window.localStorage, name, user);
      render();
    },
  });
}

function render(): void {
  disposeView();
  if (user === null) {
    chooseName();
    return;
  }
  const header = createAppHeader({ i18n, user, onChangeName: chooseName });
  const route = routeOf(window.location.pathname);
  const target = root as HTMLElement;
  switch (route.name) {
    case 'note':
      disposeView = mountNoteView(target, { noteId: route.noteId, i18n, api: notesApi, user, header });
      break;
    case 'notes':
    case 'unknown':
      disposeView = mountNotesListView(target, { i18n, api: notesApi, header, navigate });
      break;
  }
}

// Links inside the app change the view without reloading the page.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const link = (event.target as Element | null)?.closest('a');
  if (!link || link.origin !== window.location.origin || link.target) return;
  event.preventDefault();
  navigate(link.pathname + link.search);
});
window.addEventListener('popstate', render);
render();
