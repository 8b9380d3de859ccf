import type { NoteDetail, NoteView, Theme, TrashedNote } from '@plume/protocol';
import { createTestAccount, startTestServer, type TestAccount, type TestServer, testApi } from '@plume/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addSessionCookie, DESKTOP, keepScreenshot, PHONE, placeCaretAtEnd, useChromiumPages } from './browser.ts';

const HEALTH = 'Santé — déserts médicaux';
const HOUSING = 'Logement — encadrement des loyers';
const BUDGET = 'Budget — chiffrage du programme';
/** A word nobody has typed yet: the search must find it only once the other browser has. */
const NEW_WORD = 'téléconsultation';

const { newPage, violations } = useChromiumPages();

describe('the workspace: notes by theme, a board by status, search and trash', () => {
  let server: TestServer;
  let marie: TestAccount;
  let page: Page;
  let phone: Page | undefined;
  const ids = new Map<string, string>();

  const api = () => testApi(server.url, marie.cookie);
  const noteId = (title: string) => {
    const id = ids.get(title);
    if (!id) throw new Error(`no note "${title}" was created`);
    return id;
  };
  const statusOf = async (title: string) => (await api().get<NoteDetail>(`/notes/${noteId(title)}`)).body.status;
  const column = (status: string) => page.locator(`.board-column[data-status="${status}"]`);
  const titlesIn = (status: string) => column(status).locator('.card-title').allTextContents();

  async function createNote(title: string, theme: string | null, template: string): Promise<void> {
    await page.getByRole('button', { name: 'Nouvelle note' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle note' });
    await dialog.getByLabel('Titre').fill(title);
    if (theme) await dialog.getByLabel('Thème').selectOption({ label: theme });
    await expect.poll(() => dialog.getByLabel('Modèle').locator('option').allTextContents()).toContain(template);
    await dialog.getByLabel('Modèle').selectOption({ label: template });
    await dialog.getByRole('button', { name: 'Créer la note' }).click();
    await page.waitForURL(/\/notes\/[0-9a-z]{20}$/);
    ids.set(title, new URL(page.url()).pathname.split('/').pop() as string);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
  }

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    marie = await createTestAccount(server, { email: 'marie@plume.test', name: 'Marie Dupont' });
  });
  afterAll(async () => {
    // Their event streams would otherwise keep the server's connections open.
    for (const open of [page, phone]) await open?.context().close();
    await server?.dispose();
  });

  it('adds a theme on the themes page and refuses a name already taken', async () => {
    page = await newPage(DESKTOP);
    await addSessionCookie(page.context(), server.url, marie.cookie);
    await page.goto(`${server.url}/themes`);
    await page.getByLabel('Nom du thème').fill('Santé');
    await page.getByRole('button', { name: 'Ajouter le thème' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Un thème porte déjà ce nom.');

    await page.getByLabel('Nom du thème').fill('Logement');
    await page.getByRole('radio', { name: 'Violet' }).check();
    await page.getByRole('button', { name: 'Ajouter le thème' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Le thème « Logement » est ajouté.');
    const logement = page.locator('.theme-item', { hasText: 'Logement' });
    await expect.poll(() => logement.locator('.theme-count').textContent()).toBe('0 note');
    const themes = (await api().get<Theme[]>('/themes')).body;
    expect(themes.find((theme) => theme.name === 'Logement')?.color).toBe('#ddd6fe');
  });

  it('creates notes through the "Nouvelle note" dialog and files them under themes', async () => {
    await page.goto(server.url);
    await createNote(HEALTH, 'Santé', 'Page blanche');
    await page.getByRole('link', { name: 'Notes', exact: true }).click();
    await createNote(HOUSING, 'Logement', 'Note thématique');
    await expect
      .poll(() => page.locator('.tiptap h2').allTextContents())
      .toEqual(['Contexte', 'Constat', 'Propositions', 'Chiffrage', 'Sources']);
    await page.getByRole('link', { name: 'Notes', exact: true }).click();
    await createNote(BUDGET, null, 'Page blanche');

    // Filed afterwards, from the note's own page.
    await page.getByLabel('Thème', { exact: true }).selectOption({ label: 'Santé' });
    const themes = (await api().get<Theme[]>('/themes')).body;
    const themeId = (name: string) => themes.find((theme) => theme.name === name)?.id;
    await expect
      .poll(async () => (await api().get<NoteDetail>(`/notes/${noteId(BUDGET)}`)).body.themeId)
      .toBe(themeId('Santé'));
    expect((await api().get<NoteDetail>(`/notes/${noteId(HOUSING)}`)).body.themeId).toBe(themeId('Logement'));
  });

  it('lists the notes grouped by theme, themes without notes left out', async () => {
    await page.getByRole('link', { name: 'Notes', exact: true }).click();
    await expect
      .poll(() => page.locator('.group-title > span:nth-child(2)').allTextContents())
      .toEqual(['Logement', 'Santé']);
    const health = page.locator('.theme-group', { hasText: 'Santé' });
    await expect
      .poll(() => health.locator('.note-link').allTextContents())
      .toEqual(expect.arrayContaining([HEALTH, BUDGET]));
    const row = page.locator('.note-row', { hasText: HOUSING });
    await expect.poll(() => row.locator('.note-status').textContent()).toBe('Brouillon');
    expect(await row.getByRole('button', { name: 'Mettre à la corbeille' }).count()).toBe(1);
    await keepScreenshot(page, 'workspace-list-desktop');
    await page.setViewportSize(PHONE);
    await keepScreenshot(page, 'workspace-list-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('moves a card to another column by dragging it with the mouse', async () => {
    await page.getByRole('button', { name: 'Tableau' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?view=board');
    await expect.poll(() => titlesIn('draft')).toContain(HEALTH);
    const card = column('draft').locator('.board-card', { hasText: HEALTH });
    // A live refresh may redraw the board at any moment: keep the boxes of the measure that found
    // both on screen, rather than measure again after the wait.
    const boxes = async () => {
      const from = await card.locator('.card-title').boundingBox();
      const to = await column('validated').boundingBox();
      return from && to ? { from, to } : null;
    };
    let laidOut = await boxes();
    await expect.poll(async () => (laidOut = await boxes())).not.toBeNull();
    if (!laidOut) throw new Error('the card or the column is not on screen');
    const { from, to } = laidOut;
    await page.mouse.move(from.x + 10, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 });
    await expect.poll(() => column('validated').getAttribute('class')).toContain('drop-target');
    await page.mouse.up();

    await expect.poll(() => titlesIn('validated')).toEqual([HEALTH]);
    await expect.poll(() => statusOf(HEALTH)).toBe('validated');
    // The press ended on the card's link: the drop must not have opened the note.
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => column('validated').locator('.column-count').textContent()).toBe('1');
    await keepScreenshot(page, 'workspace-board-desktop');
  });

  it('shows who moved the note, and when, on the note page', async () => {
    await column('validated').getByRole('link', { name: HEALTH }).click();
    await page.waitForURL(`${server.url}/notes/${noteId(HEALTH)}`);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Enregistré');
    await expect
      .poll(() => page.locator('.status-history li').allTextContents())
      .toEqual([
        expect.stringMatching(/^Validée par Marie Dupont · \d{1,2} \S+ \d{4} à \d{2}:\d{2}$/),
        expect.stringMatching(/^Créée par Marie Dupont · /),
      ]);
    expect(await page.getByLabel('Statut', { exact: true }).inputValue()).toBe('validated');
    await keepScreenshot(page, 'workspace-note-desktop');
    await page.setViewportSize(PHONE);
    await keepScreenshot(page, 'workspace-note-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('finds, as it is typed, a word another browser wrote into a note seconds earlier', async () => {
    await page.getByRole('link', { name: 'Recherche' }).click();
    await page.getByLabel('Rechercher dans les notes').fill(NEW_WORD);
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`Aucune note ne contient « ${NEW_WORD} ».`);
    expect(new URL(page.url()).searchParams.get('q')).toBe(NEW_WORD);

    const admin = await newPage(DESKTOP);
    await addSessionCookie(admin.context(), server.url, server.admin.cookie);
    await admin.goto(`${server.url}/notes/${noteId(HEALTH)}`);
    await expect.poll(() => admin.getByRole('status').first().textContent()).toBe('Enregistré');
    await placeCaretAtEnd(admin);
    await admin.keyboard.type(`La ${NEW_WORD} ne remplace pas un médecin de garde.`);

    // Nobody searches again: the page follows the notes' changes by itself.
    const hit = page.locator('.search-hit', { hasText: HEALTH });
    await expect.poll(() => hit.locator('.snippet mark').allTextContents(), { timeout: 10_000 }).toContain(NEW_WORD);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('1 note trouvée');
    expect(await hit.locator('.note-status').textContent()).toBe('Validée');
    await keepScreenshot(page, 'workspace-search-desktop');
    await page.setViewportSize(PHONE);
    await keepScreenshot(page, 'workspace-search-phone');
    await page.setViewportSize(DESKTOP);

    // Who is in each note shows live in the list.
    await page.goto(`${server.url}/?view=list`);
    const row = page.locator('.note-row', { hasText: HEALTH });
    await expect.poll(() => row.locator('.avatar').allTextContents(), { timeout: 10_000 }).toEqual(['AT']);
    await admin.close();
    await expect.poll(() => row.locator('.avatar').count(), { timeout: 10_000 }).toBe(0);
  });

  it('moves a note to the trash and restores it', async () => {
    const row = page.locator('.note-row', { hasText: BUDGET });
    await row.getByRole('button', { name: 'Mettre à la corbeille' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe(`« ${BUDGET} » est dans la corbeille. Annuler`);
    await expect.poll(() => row.count()).toBe(0);
    expect((await api().get(`/notes/${noteId(BUDGET)}`)).status).toBe(404);

    await page.getByRole('link', { name: 'Corbeille' }).click();
    const item = page.locator('.trash-item', { hasText: BUDGET });
    await expect.poll(() => item.locator('time').textContent()).toMatch(/^Mise à la corbeille .+ par Marie Dupont$/);
    await keepScreenshot(page, 'workspace-trash-desktop');
    await page.setViewportSize(PHONE);
    await keepScreenshot(page, 'workspace-trash-phone');
    await page.setViewportSize(DESKTOP);

    await item.getByRole('button', { name: `Restaurer « ${BUDGET} »` }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`« ${BUDGET} » est restaurée.`);
    await expect.poll(() => item.count()).toBe(0);
    const restored = await api().get<NoteDetail>(`/notes/${noteId(BUDGET)}`);
    expect(restored.status).toBe(200);
    expect(restored.body.title).toBe(BUDGET);
  });

  it('deletes a note for good only after a confirmation that says it cannot be undone', async () => {
    expect((await api().delete(`/notes/${noteId(BUDGET)}`)).status).toBe(204);
    await page.reload();
    const item = page.locator('.trash-item', { hasText: BUDGET });
    await item.getByRole('button', { name: `Supprimer définitivement « ${BUDGET} »` }).click();
    const dialog = page.getByRole('dialog', { name: `Supprimer définitivement « ${BUDGET} » ?` });
    await expect.poll(() => dialog.textContent()).toContain('Cette action est irréversible.');
    await keepScreenshot(page, 'workspace-trash-confirm-desktop');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await item.count()).toBe(1);

    await item.getByRole('button', { name: `Supprimer définitivement « ${BUDGET} »` }).click();
    await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click();
    await expect.poll(() => page.getByText('La corbeille est vide.').count()).toBe(1);
    expect((await api().get<TrashedNote[]>('/trash')).body).toEqual([]);
  });

  it('counts the notes of each theme', async () => {
    await page.getByRole('link', { name: 'Thèmes' }).click();
    const count = (name: string) =>
      page.locator('.theme-item', { hasText: name }).locator('.theme-count').textContent();
    await expect.poll(() => count('Logement')).toBe('1 note');
    await expect.poll(() => count('Santé')).toBe('1 note');
    await keepScreenshot(page, 'workspace-themes-desktop');
    await page.setViewportSize(PHONE);
    await keepScreenshot(page, 'workspace-themes-phone');
  });

  it('moves a card with "Déplacer vers…" on a 375 px phone', async () => {
    const onPhone = await newPage(PHONE);
    phone = onPhone;
    await addSessionCookie(onPhone.context(), server.url, marie.cookie);
    await onPhone.goto(`${server.url}/?view=board`);
    const move = onPhone.getByLabel(`Déplacer « ${HOUSING} » vers…`);
    await move.focus();
    await move.selectOption({ label: 'En relecture' });
    const review = onPhone.locator('.board-column[data-status="review"]');
    await expect.poll(() => review.locator('.card-title').allTextContents()).toEqual([HOUSING]);
    await expect.poll(() => statusOf(HOUSING)).toBe('review');
    // The select moved with its card: the keyboard stays on it.
    expect(await onPhone.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Déplacer « ${HOUSING} » vers…`,
    );
    // The page itself never scrolls sideways: only the board does, column by column.
    expect(await onPhone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await keepScreenshot(onPhone, 'workspace-board-phone');

    await onPhone.getByRole('button', { name: 'Menu' }).click();
    await expect.poll(() => onPhone.getByRole('link', { name: 'Corbeille' }).isVisible()).toBe(true);
    await keepScreenshot(onPhone, 'workspace-menu-phone');
  });

  it('lets an admin save a note as a template, then rename and delete it', async () => {
    const admin = await newPage(DESKTOP);
    await addSessionCookie(admin.context(), server.url, server.admin.cookie);
    await admin.goto(`${server.url}/notes/${noteId(HOUSING)}`);
    await admin.getByRole('button', { name: 'Enregistrer comme modèle' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Enregistrer comme modèle' });
    await expect.poll(() => dialog.getByLabel('Nom du modèle').inputValue()).toBe(HOUSING);
    await dialog.getByLabel('Nom du modèle').fill('Note logement');
    await dialog.getByLabel('Description (facultative)').fill('Contexte, constat et propositions sur le logement.');
    await dialog.getByRole('button', { name: 'Enregistrer le modèle' }).click();
    await expect.poll(() => admin.getByText('Le modèle « Note logement » est enregistré.').count()).toBe(1);

    await admin.getByRole('link', { name: 'Administration' }).click();
    const templates = admin.locator('.template-list');
    await expect
      .poll(() => templates.locator('strong').allTextContents())
      .toEqual(['Note logement', 'Note thématique']);
    await templates.getByRole('button', { name: 'Modifier le modèle « Note logement »' }).click();
    const editor = templates.locator('.template-item.editing');
    await editor.getByLabel('Nom').fill('Logement — modèle');
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => templates.locator('strong').allTextContents()).toContain('Logement — modèle');
    await admin.setViewportSize(PHONE);
    await keepScreenshot(admin, 'workspace-admin-phone');

    await templates.getByRole('button', { name: 'Supprimer le modèle « Logement — modèle »' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
    await expect.poll(() => templates.locator('strong').allTextContents()).toEqual(['Note thématique']);
    const left = (await testApi(server.url, server.admin.cookie).get<{ name: string }[]>('/templates')).body;
    expect(left.map((template) => template.name)).toEqual(['Note thématique']);
    await admin.context().close();
  });

  it('speaks English after the switch, and remembers it', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Notes');
    await expect.poll(() => page.getByRole('button', { name: 'New note' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The board, chosen earlier in this browser, is remembered as well as the language.
    await page.reload();
    await expect
      .poll(() => page.locator('.column-title').allTextContents())
      .toEqual(['Draft0', 'In review1', 'Validated1', 'Sent0']);
    expect(await titlesIn('review')).toEqual([HOUSING]);
    await keepScreenshot(page, 'workspace-board-english-desktop');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Nouvelle note' }).count()).toBe(1);
    const notes = (await api().get<NoteView[]>('/notes')).body;
    expect(notes.map((note) => note.title).sort()).toEqual([HOUSING, HEALTH].sort());
  });
});

describe('the Content-Security-Policy', () => {
  it('was never broken in any page of these tests', () => {
    expect(violations()).toEqual([]);
  });
});
