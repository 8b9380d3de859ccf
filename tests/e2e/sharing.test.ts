import {
  createTestAccount,
  createTestNote,
  startTestServer,
  type TestAccount,
  type TestServer,
} from '@plume/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addSessionCookie,
  DESKTOP,
  keepScreenshot,
  PHONE,
  paragraphsOf,
  placeCaretAtEnd,
  signInThroughPage,
  useChromiumPages,
} from './browser.ts';

const GUEST_SENTENCE = 'Bruno ajoute le calendrier de la réforme.';

const { newPage, violations } = useChromiumPages();

describe('sharing a note through a link, then revoking it', () => {
  let server: TestServer;
  let owner: TestAccount;
  let alice: Page;
  let bruno: Page;
  let noteUrl: string;
  let linkUrl: string;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    owner = await createTestAccount(server, { email: 'alice@plume.test', name: 'Alice Martin' });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('signs in through the sign-in page and returns to the requested page', async () => {
    alice = await newPage(PHONE);
    await alice.goto(`${server.url}/account`);
    await alice.waitForURL(/\/login\?next=%2Faccount$/);
    await keepScreenshot(alice, 'sharing-login-phone');

    await alice.getByLabel('Adresse e-mail').fill(owner.email);
    await alice.getByLabel('Mot de passe').fill('not the password');
    await alice.getByRole('button', { name: 'Se connecter' }).click();
    await expect
      .poll(() => alice.getByRole('alert').textContent())
      .toBe('L’adresse e-mail ou le mot de passe est incorrect.');

    await signInThroughPage(alice, owner);
    expect(new URL(alice.url()).pathname).toBe('/account');
    await expect.poll(() => alice.getByRole('heading', { level: 1 }).textContent()).toBe('Mon compte');
    await expect.poll(() => alice.getByRole('link', { name: 'Alice Martin' }).count()).toBe(1);
    await keepScreenshot(alice, 'sharing-account-phone');
  });

  it('creates a note and an editor link in the share dialog', async () => {
    await alice.setViewportSize(DESKTOP);
    await alice.getByRole('link', { name: 'Plume' }).click();
    await alice.getByRole('button', { name: 'Nouvelle note' }).click();
    await alice.getByRole('dialog').getByLabel('Titre').fill('Santé — déserts médicaux');
    await alice.getByRole('button', { name: 'Créer la note' }).click();
    await alice.waitForURL(/\/notes\/[0-9a-z]{20}$/);
    noteUrl = alice.url();
    await expect.poll(() => alice.getByRole('status').first().textContent()).toBe('Enregistré');
    await alice.locator('.tiptap').click();
    await alice.keyboard.type('Constat : trop peu de médecins.');

    await alice.getByRole('button', { name: 'Partager' }).click();
    const dialog = alice.getByRole('dialog', { name: 'Partager « Santé — déserts médicaux »' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText('Aucun lien actif.').count()).toBe(1);
    await dialog.getByLabel('Rôle donné').selectOption('editor');
    await dialog.getByLabel('Libellé (facultatif)').fill('Pour Bruno');
    await dialog.getByRole('button', { name: 'Créer le lien' }).click();

    const shown = dialog.getByLabel('Nouveau lien de partage');
    await expect.poll(() => shown.inputValue()).toMatch(/\/s#[A-Za-z0-9_-]{20,}$/);
    linkUrl = await shown.inputValue();
    expect(new URL(linkUrl).origin).toBe(server.url);
    await expect.poll(() => dialog.getByText('il ne sera plus affiché').count()).toBe(1);
    await expect.poll(() => dialog.locator('.link-list li strong').allTextContents()).toEqual(['Pour Bruno']);
    await keepScreenshot(alice, 'sharing-dialog-desktop');
    await alice.setViewportSize(PHONE);
    await keepScreenshot(alice, 'sharing-dialog-phone');
    await alice.setViewportSize(DESKTOP);
  });

  it('lets a second browser open the link, choose a name and write', async () => {
    bruno = await newPage(PHONE);
    await bruno.goto(linkUrl);
    await bruno.getByLabel('Votre nom').fill('Bruno');
    await bruno.getByRole('button', { name: 'Continuer' }).click();
    // The token leaves the address bar once redeemed.
    await bruno.waitForURL(noteUrl);
    expect(bruno.url()).not.toContain('#');
    await expect.poll(() => bruno.getByRole('status').first().textContent()).toBe('Enregistré');
    await expect.poll(() => paragraphsOf(bruno)).toEqual(['Constat : trop peu de médecins.']);
    expect(await bruno.getByText('Lecture seule').count()).toBe(0);

    await placeCaretAtEnd(bruno);
    await bruno.keyboard.press('Enter');
    await bruno.keyboard.type(GUEST_SENTENCE);
    await expect.poll(() => paragraphsOf(alice)).toEqual(['Constat : trop peu de médecins.', GUEST_SENTENCE]);
    await expect
      .poll(() => alice.locator('.presence .person').allTextContents())
      .toEqual(['Alice Martin (vous)', 'Bruno']);
    await keepScreenshot(bruno, 'sharing-guest-phone');
  });

  it('takes the access away within seconds when the owner revokes the link', async () => {
    const dialog = alice.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Révoquer le lien « Pour Bruno »' }).click();
    await expect.poll(() => dialog.getByText('Aucun lien actif.').count()).toBe(1);

    await expect
      .poll(() => bruno.getByRole('alert').textContent(), { timeout: 10_000 })
      .toBe('Votre accès à cette note a été retiré.');
    expect(await bruno.locator('.tiptap').count()).toBe(0);
    await keepScreenshot(bruno, 'sharing-revoked-phone');

    // What Bruno typed stays; nothing more can reach the note.
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect.poll(() => paragraphsOf(alice)).toEqual(['Constat : trop peu de médecins.', GUEST_SENTENCE]);

    await bruno.reload();
    await bruno.waitForURL(/\/login\?next=/);
    expect(await bruno.locator('.tiptap').count()).toBe(0);
    const noteId = new URL(noteUrl).pathname.split('/').pop() as string;
    const direct = await bruno.request.get(`${server.url}/api/notes/${noteId}`);
    expect([401, 404]).toContain(direct.status());
  });
});

describe('sharing a note with a person, then changing their role', () => {
  let server: TestServer;
  let owner: TestAccount;
  let member: TestAccount;
  let ownerPage: Page;
  let memberPage: Page;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    owner = await createTestAccount(server, { email: 'olivia@plume.test', name: 'Olivia' });
    member = await createTestAccount(server, { email: 'mehdi@plume.test', name: 'Mehdi' });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('adds a person by e-mail as an editor, who then writes', async () => {
    ownerPage = await newPage(DESKTOP);
    await addSessionCookie(ownerPage.context(), server.url, owner.cookie);
    const noteId = await createTestNote(server, 'Logement — encadrement des loyers', owner.cookie);
    await ownerPage.goto(`${server.url}/notes/${noteId}`);
    await ownerPage.getByRole('button', { name: 'Partager' }).click();
    const dialog = ownerPage.getByRole('dialog');
    await dialog.getByLabel('Adresse e-mail').fill('nobody@plume.test');
    await dialog.getByRole('button', { name: 'Ajouter' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').first().textContent())
      .toBe('La modification a échoué. Aucun compte actif n’utilise cette adresse e-mail.');
    await dialog.getByLabel('Adresse e-mail').fill(member.email);
    await dialog.getByRole('button', { name: 'Ajouter' }).click();
    await expect.poll(() => dialog.getByLabel('Rôle de Mehdi').inputValue()).toBe('editor');

    memberPage = await newPage(PHONE);
    await addSessionCookie(memberPage.context(), server.url, member.cookie);
    await memberPage.goto(`${server.url}/notes/${noteId}`);
    await expect.poll(() => memberPage.getByRole('status').first().textContent()).toBe('Enregistré');
    expect(await memberPage.locator('.tiptap').getAttribute('aria-readonly')).toBe('false');
    await placeCaretAtEnd(memberPage);
    await memberPage.keyboard.type('Mehdi écrit.');
    await expect.poll(() => paragraphsOf(ownerPage)).toEqual(['Mehdi écrit.']);
  });

  it('makes the editor a viewer: their page turns read-only at once', async () => {
    const dialog = ownerPage.getByRole('dialog');
    await dialog.getByLabel('Rôle de Mehdi').selectOption('viewer');
    await expect
      .poll(() => memberPage.getByText('Votre rôle sur cette note a changé : Lecteur.').count(), { timeout: 10_000 })
      .toBe(1);
    await expect.poll(() => memberPage.getByText('Lecture seule').count()).toBe(1);
    expect(await memberPage.locator('.tiptap').getAttribute('contenteditable')).toBe('false');
    expect(await memberPage.locator('.tiptap').getAttribute('aria-readonly')).toBe('true');
    await expect.poll(() => paragraphsOf(memberPage)).toEqual(['Mehdi écrit.']);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect
      .poll(() => ownerPage.locator('.presence .person').allTextContents())
      .toEqual(['Olivia (vous)', 'MehdiLecteur']);
    await keepScreenshot(memberPage, 'sharing-viewer-phone');
    await keepScreenshot(ownerPage, 'sharing-owner-desktop');
  });

  it('removes the person: their page says the access is gone', async () => {
    await ownerPage.getByRole('button', { name: 'Partager' }).click();
    await ownerPage.getByRole('dialog').getByRole('button', { name: 'Retirer Mehdi' }).click();
    await expect
      .poll(() => memberPage.getByRole('alert').textContent(), { timeout: 10_000 })
      .toMatch(
        /^(Votre accès à cette note a été retiré\.|Cette note n’existe pas, a été supprimée, ou vous n’y avez pas accès\.)$/,
      );
    expect(await memberPage.locator('.tiptap').count()).toBe(0);
  });

  it('lists the note with its status and what its owner may do with it', async () => {
    await ownerPage.keyboard.press('Escape');
    await ownerPage.getByRole('link', { name: '← Toutes les notes' }).click();
    const item = ownerPage.locator('.note-row', { hasText: 'Logement — encadrement des loyers' });
    await expect.poll(() => item.locator('.note-status').textContent()).toBe('Brouillon');
    expect(await item.getByRole('button', { name: 'Mettre à la corbeille' }).count()).toBe(1);
    await keepScreenshot(ownerPage, 'sharing-notes-desktop');
  });
});

describe('the Content-Security-Policy', () => {
  it('was never broken in any page of these tests', () => {
    expect(violations()).toEqual([]);
  });
});
