import './styles.css';
import type { SessionInfo } from '@plume/protocol';
import { adminApi } from './admin-api.ts';
import { accountColor } from './collab/account-color.ts';
import { forgetOfflineCopies } from './collab/offline-copy.ts';
import { loadIdentity, saveIdentity, type UserIdentity } from './collab/user-identity.ts';
import { preferredLanguage, rememberLanguage } from './i18n/language-preference.ts';
import { createTranslator, type Language } from './i18n/translator.ts';
import { notesApi } from './notes-api.ts';
import { packApi } from './pack-api.ts';
import { guardRoute } from './route-guard.ts';
import { LOGIN_PATH, loginPath, returnPathFrom, routeOf } from './routes.ts';
import { searchApi } from './search-api.ts';
import { sessionApi } from './session-api.ts';
import { sharingApi } from './sharing-api.ts';
import { templatesApi } from './templates-api.ts';
import { themesApi } from './themes-api.ts';
import { tokenFromFragment } from './token-from-fragment.ts';
import { createAppHeader } from './views/app-header.ts';
import { describeApiError } from './views/describe-api-error.ts';
import { h } from './views/dom.ts';
import { mountIdentityView } from './views/identity-view.ts';
import { mountLoginView } from './views/login-view.ts';
import { mountMessageView } from './views/message-view.ts';
import { mountNoteView } from './views/note-view.ts';
import { mountSetupNeededView } from './views/setup-needed-view.ts';
import { mountShareLinkView } from './views/share-link-view.ts';
import { mountWorkspaceView } from './views/workspace-view.ts';
import { watchWorkspaceEvents } from './workspace-events.ts';

// Composition root: config -> session -> identity -> router -> views.
const mountPoint = document.getElementById('app');
if (!mountPoint) throw new Error('index.html has no #app element');
const root: HTMLElement = mountPoint;
let i18n = createTranslator(preferredLanguage(window.location.search, window.localStorage));
document.documentElement.lang = i18n.language;

/** Who the browser is, as the server last said; null until it has answered. */
let session: SessionInfo | null = null;
/** The name a share-link guest chose; accounts use their account's name instead. */
let guestIdentity: UserIdentity | null = loadIdentity(window.localStorage);
/** The secret of the token page being shown, taken out of the address bar. */
let pageToken: string | null = null;
let disposeView: () => void = () => {};

const TOKEN_ROUTES = new Set(['setup', 'invitation', 'shareLink']);

// The token is a credential: once read, it leaves the address bar, the history and screen shares.
function takeTokenFromAddress(): void {
  if (!TOKEN_ROUTES.has(routeOf(window.location.pathname).name)) return;
  if (window.location.hash === '') return;
  pageToken = tokenFromFragment(window.location.hash);
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

function currentPath(): string {
  return window.location.pathname + window.location.search;
}

function navigate(path: string): void {
  window.history.pushState(null, '', path);
  render();
}

function replaceWith(path: string): void {
  window.history.replaceState(null, '', path);
  render();
}

function showFailure(error: unknown): void {
  disposeView();
  disposeView = mountMessageView(root, {
    message: i18n.t('boot.failed', { reason: describeApiError(error, i18n) }),
    action: { label: i18n.t('boot.retry'), onClick: boot },
  });
}

function signedIn(info: SessionInfo, path: string): void {
  session = info;
  pageToken = null;
  replaceWith(path);
}

function signedOut(): void {
  session = { user: null, links: [], setupRequired: false };
  navigate(LOGIN_PATH);
  // After navigating: a note page that was open has closed its copy, so none is held open. A
  // shared computer keeps no note once its user has signed out.
  forgetOfflineCopies(window.localStorage).catch(() => {
    if (session?.user !== null) return;
    disposeView();
    disposeView = mountMessageView(root, {
      message: i18n.t('offline.forgetAllFailed'),
      action: { label: i18n.t('header.signIn'), onClick: render },
    });
  });
}

// The switch in the header: remembered in this browser, and the page is drawn again in that language.
function changeLanguage(language: Language): void {
  const search = rememberLanguage(window.localStorage, language, window.location.search);
  window.history.replaceState(null, '', window.location.pathname + search);
  i18n = createTranslator(language);
  document.documentElement.lang = language;
  render();
}

function signOut(): void {
  sessionApi.signOut().then(signedOut, showFailure);
}

// The sync endpoint said the browser is unknown. Ask the server who we are: go to the sign-in page
// only if it agrees, so that a disagreement cannot bounce between the two pages forever.
function handleSignInRequired(): void {
  const from = currentPath();
  sessionApi.get().then((info) => {
    session = info;
    if (info.user === null && info.links.length === 0 && currentPath() === from) navigate(loginPath(from));
  }, showFailure);
}

function chooseName(): void {
  disposeView();
  disposeView = mountIdentityView(root, {
    i18n,
    currentName: guestIdentity?.name ?? null,
    onChosen(name) {
      guestIdentity = saveIdentity(window.localStorage, name, guestIdentity);
      render();
    },
  });
}

// Screens the note page never shows are loaded when first opened: the editor page's script then
// carries only what writing needs. A screen left before it loaded is disposed as soon as it comes.
function mountLater(load: () => Promise<() => void>): void {
  let dispose: (() => void) | null = null;
  let left = false;
  disposeView = () => {
    left = true;
    dispose?.();
  };
  load().then(
    (mounted) => {
      if (left) mounted();
      else dispose = mounted;
    },
    (error: unknown) => {
      if (!left) showFailure(error);
    },
  );
}

function render(): void {
  disposeView();
  disposeView = () => {};
  if (session === null) return;
  const route = routeOf(window.location.pathname);
  const screen = guardRoute(route, session, currentPath());
  if (screen.name === 'redirect') {
    replaceWith(screen.path);
    return;
  }
  if (screen.name === 'setupNeeded') {
    disposeView = mountSetupNeededView(root, { i18n });
    return;
  }
  const { user } = session;
  const identity = user ? { name: user.name, color: accountColor(user.id) } : guestIdentity;
  const target = screen.route;
  const header = createAppHeader({
    i18n,
    account: user,
    identity,
    current: target.name,
    navigate,
    onChangeName: chooseName,
    onChangeLanguage: changeLanguage,
    onSignOut: signOut,
  });
  switch (target.name) {
    case 'login':
      disposeView = mountLoginView(root, {
        i18n,
        api: sessionApi,
        onSignedIn: (info) => signedIn(info, returnPathFrom(window.location.search)),
      });
      break;
    case 'setup':
      mountLater(async () =>
        (await import('./views/setup-view.ts')).mountSetupView(root, {
          i18n,
          api: sessionApi,
          token: pageToken,
          onSignedIn: (info) => signedIn(info, '/admin'),
        }),
      );
      break;
    case 'invitation':
      mountLater(async () =>
        (await import('./views/invitation-view.ts')).mountInvitationView(root, {
          i18n,
          api: sessionApi,
          token: pageToken,
          onSignedIn: (info) => signedIn(info, '/'),
        }),
      );
      break;
    case 'shareLink':
      disposeView = mountShareLinkView(root, {
        i18n,
        api: sessionApi,
        token: pageToken,
        onRedeemed: (noteId) => {
          sessionApi.get().then((info) => signedIn(info, `/notes/${encodeURIComponent(noteId)}`), showFailure);
        },
      });
      break;
    case 'account':
      if (!user) throw new Error('guardRoute let a browser without an account reach the account page');
      mountLater(async () =>
        (await import('./views/account-view.ts')).mountAccountView(root, {
          i18n,
          api: sessionApi,
          account: user,
          header,
          onSignedOut: signedOut,
        }),
      );
      break;
    case 'admin':
      if (!user) throw new Error('guardRoute let a browser without an account reach the admin page');
      mountLater(async () =>
        (await import('./views/admin-view.ts')).mountAdminView(root, {
          i18n,
          api: adminApi,
          templates: templatesApi,
          header,
          currentUserId: user.id,
        }),
      );
      break;
    case 'note':
      if (identity === null) {
        chooseName();
        return;
      }
      disposeView = mountNoteView(root, {
        noteId: target.noteId,
        i18n,
        api: notesApi,
        sharing: sharingApi,
        themes: themesApi,
        templates: templatesApi,
        user: identity,
        accountId: user?.id ?? null,
        isAdmin: user?.isAdmin === true,
        header,
        navigate,
        watchEvents: watchWorkspaceEvents,
        onSignInRequired: handleSignInRequired,
      });
      break;
    case 'search':
      mountLater(async () =>
        (await import('./views/search-view.ts')).mountSearchView(root, {
          i18n,
          api: searchApi,
          themes: themesApi,
          header,
          watchEvents: watchWorkspaceEvents,
        }),
      );
      break;
    case 'trash':
      mountLater(async () =>
        (await import('./views/trash-view.ts')).mountTrashView(root, {
          i18n,
          api: notesApi,
          header,
          watchEvents: watchWorkspaceEvents,
        }),
      );
      break;
    case 'pack':
      mountLater(async () =>
        (await import('./views/pack-view.ts')).mountPackView(root, {
          i18n,
          notes: notesApi,
          themes: themesApi,
          packs: packApi,
          header,
        }),
      );
      break;
    case 'themes':
      mountLater(async () =>
        (await import('./views/themes-view.ts')).mountThemesView(root, {
          i18n,
          themes: themesApi,
          notes: notesApi,
          header,
          isAdmin: user?.isAdmin === true,
          watchEvents: watchWorkspaceEvents,
        }),
      );
      break;
    case 'notes':
    case 'unknown':
      disposeView = mountWorkspaceView(root, {
        i18n,
        notes: notesApi,
        themes: themesApi,
        templates: templatesApi,
        header,
        isAccount: user !== null,
        navigate,
        storage: window.localStorage,
        watchEvents: watchWorkspaceEvents,
      });
      break;
  }
}

function boot(): void {
  disposeView();
  disposeView = () => {};
  root.replaceChildren(h('main', { class: 'page narrow' }, h('p', { class: 'muted' }, i18n.t('common.loading'))));
  sessionApi.get().then((info) => {
    session = info;
    render();
  }, showFailure);
}

// Links inside the app change the view without reloading the page.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const link = (event.target as Element | null)?.closest('a');
  if (!link || link.origin !== window.location.origin || link.target || link.hasAttribute('download')) return;
  event.preventDefault();
  navigate(link.pathname + link.search);
});
window.addEventListener('popstate', render);
// Pasting another token link over a token page changes only the fragment: no reload happens.
window.addEventListener('hashchange', () => {
  takeTokenFromAddress();
  render();
});
takeTokenFromAddress();
boot();
