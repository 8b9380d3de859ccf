import { startTestServer, type TestServer } from '@plume/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addSessionCookie, DESKTOP, keepScreenshot, PHONE, useChromiumPages } from './browser.ts';

const CHLOE_PASSWORD = 'une phrase assez longue';

const { newPage, violations } = useChromiumPages();

describe('inviting a person from the admin page', () => {
  let server: TestServer;
  let admin: Page;
  let chloe: Page;
  let invitationUrl: string;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('creates an account and shows its invitation link once', async () => {
    admin = await newPage(DESKTOP);
    await addSessionCookie(admin.context(), server.url, server.admin.cookie);
    await admin.goto(server.url);
    await admin.getByRole('link', { name: 'Administration' }).click();
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('Administration');

    await admin.getByLabel('Adresse e-mail').fill('pas-une-adresse');
    await admin.getByLabel('Nom', { exact: true }).fill('Chloé Durand');
    await admin.getByRole('button', { name: 'Créer le compte' }).click();
    await expect
      .poll(() => admin.getByRole('alert').first().textContent())
      .toBe('Cette adresse e-mail n’est pas valide.');
    expect(await admin.getByLabel('Adresse e-mail').getAttribute('aria-invalid')).toBe('true');

    await admin.getByLabel('Adresse e-mail').fill('chloe@plume.test');
    await admin.getByRole('button', { name: 'Créer le compte' }).click();
    const link = admin.getByLabel(/^Lien d’invitation pour Chloé Durand/);
    await expect.poll(() => link.inputValue()).toMatch(/\/invitation#[A-Za-z0-9_-]{20,}$/);
    invitationUrl = await link.inputValue();
    const chloeRow = admin.locator('.user-list li', { hasText: 'chloe@plume.test' });
    await expect.poll(() => chloeRow.locator('.badge').allTextContents()).toEqual(['Invitation en attente']);
    await keepScreenshot(admin, 'accounts-admin-desktop');
  });

  it('lets the invited person choose a password and arrive signed in', async () => {
    chloe = await newPage(PHONE);
    await chloe.goto(invitationUrl);
    await expect.poll(() => chloe.getByRole('heading', { level: 1 }).textContent()).toBe('Choisir votre mot de passe');
    expect(chloe.url()).not.toContain('#');

    await chloe.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
    await chloe.getByLabel('Nouveau mot de passe, à nouveau').fill('court');
    await chloe.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await expect
      .poll(() => chloe.getByRole('alert').textContent())
      .toBe('Le mot de passe doit faire au moins 10 caractères.');
    await chloe.getByLabel('Nouveau mot de passe', { exact: true }).fill(CHLOE_PASSWORD);
    await chloe.getByLabel('Nouveau mot de passe, à nouveau').fill(`${CHLOE_PASSWORD}!`);
    await chloe.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await expect
      .poll(() => chloe.getByRole('alert').textContent())
      .toBe('Les deux mots de passe ne sont pas identiques.');
    await keepScreenshot(chloe, 'accounts-invitation-phone');

    await chloe.getByLabel('Nouveau mot de passe, à nouveau').fill(CHLOE_PASSWORD);
    await chloe.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await chloe.waitForURL(`${server.url}/`);
    await expect.poll(() => chloe.getByRole('link', { name: 'Chloé Durand' }).count()).toBe(1);
    await expect.poll(() => chloe.getByRole('button', { name: 'Nouvelle note' }).count()).toBe(1);
    expect(await chloe.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await keepScreenshot(chloe, 'accounts-notes-phone');
  });

  it('lists sessions and the audit log, and signs a disabled account out', async () => {
    await admin.reload();
    await expect
      .poll(() => admin.locator('.session-list li', { hasText: 'Chloé Durand' }).count(), { timeout: 10_000 })
      .toBe(1);
    await expect.poll(() => admin.locator('.session-list li', { hasText: 'Cette session' }).count()).toBe(1);
    await expect.poll(() => admin.locator('table.audit tbody tr', { hasText: 'Compte créé' }).count()).toBe(1);

    const chloeRow = admin.locator('.user-list li', { hasText: 'chloe@plume.test' });
    await chloeRow.getByRole('button', { name: 'Désactiver' }).click();
    await expect.poll(() => chloeRow.locator('.badge').allTextContents()).toEqual(['Désactivé']);
    await expect.poll(() => admin.locator('.session-list li', { hasText: 'Chloé Durand' }).count()).toBe(0);
    await admin.setViewportSize(PHONE);
    await keepScreenshot(admin, 'accounts-admin-phone');

    await chloe.reload();
    await chloe.waitForURL(/\/login$/);
    await chloe.getByLabel('Adresse e-mail').fill('chloe@plume.test');
    await chloe.getByLabel('Mot de passe').fill(CHLOE_PASSWORD);
    await chloe.getByRole('button', { name: 'Se connecter' }).click();
    await expect
      .poll(() => chloe.getByRole('alert').textContent())
      .toBe('L’adresse e-mail ou le mot de passe est incorrect.');
  });

  it('never breaks the Content-Security-Policy', () => {
    expect(violations()).toEqual([]);
  });
});
