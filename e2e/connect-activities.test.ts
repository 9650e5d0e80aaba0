import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { expectNoSidewaysScroll, openSection, phoneViewport, signInToConnect } from './support/connect';
import { demoCoCounsel, demoSharing } from './support/demo';
import { pagePerTest } from './support/page-per-test';

const tab = pagePerTest();

const [acme, whitfield] = demoSharing.sharedMatters;

/** A description no other test writes, to find this test's own entries among the shared list. */
const unique = (what: string) => `${what} ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

/** The card of one of this test's entries, found by its description. */
const entryCard = (page: Page, description: string) =>
  page.getByRole('article').filter({ hasText: description });

async function chooseMatter(page: Page, matter: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Matter' }).click();
  await page.getByRole('option', { name: new RegExp(matter) }).click();
}

describe('Connect Activities', () => {
  it('adds an entry typed as 1h 30m, edits it, and deletes it after confirming', async () => {
    const { page } = tab;
    await signInToConnect(page, demoCoCounsel);
    await openSection(page, 'Activities');
    expect(await seriousViolations(page)).toEqual([]);

    const description = unique('Drafted the reply brief');
    await page.getByRole('button', { name: 'Add time' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add time' });
    await chooseMatter(page, acme);
    await dialog.getByRole('textbox', { name: 'Duration' }).fill('1h 30m');
    await dialog.getByRole('textbox', { name: 'Description' }).fill(description);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const card = entryCard(page, description);
    await card.waitFor();
    expect(await card.textContent()).toContain('1h 30m');
    expect(await card.textContent()).toContain(acme);
    expect(await card.textContent()).toContain('Not billed');

    // A duration that is not one is caught before anything is sent.
    await card.getByRole('button', { name: /^Edit/ }).click();
    const edit = page.getByRole('dialog', { name: 'Edit time' });
    expect(await edit.getByRole('textbox', { name: 'Duration' }).inputValue()).toBe('1h 30m');
    await edit.getByRole('textbox', { name: 'Duration' }).fill('soon');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText('Enter a duration such as 1h 30m, 45m or 1.5').waitFor();
    // Edited: another matter, and 1.5 hours typed as a number is the same as before; then 45 minutes.
    await chooseMatter(page, whitfield);
    await edit.getByRole('textbox', { name: 'Duration' }).fill('0.75');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    await card.getByText('45m', { exact: true }).waitFor();
    expect(await card.textContent()).toContain(whitfield);

    // Deleting asks first; cancelling keeps it.
    await card.getByRole('button', { name: /^Delete/ }).click();
    let confirm = page.getByRole('dialog', { name: 'Delete this time entry?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await card.count()).toBe(1);
    await card.getByRole('button', { name: /^Delete/ }).click();
    confirm = page.getByRole('dialog', { name: 'Delete this time entry?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await card.waitFor({ state: 'detached' });
  });

  it('times work with Start and Stop, keeping the running timer across a reload', async () => {
    const { page } = tab;
    await signInToConnect(page, demoCoCounsel);
    await openSection(page, 'Activities');

    await page.getByRole('button', { name: 'Add time' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add time' });
    await dialog.getByRole('button', { name: 'Start timer' }).click();
    await dialog
      .getByRole('timer')
      .getByText(/^0:00:0[1-9]$/)
      .waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Activities' }).waitFor();
    await page.getByRole('button', { name: 'Add time' }).click();
    dialog = page.getByRole('dialog', { name: 'Add time' });
    // Still running, and counting from when it was started.
    await dialog
      .getByRole('timer')
      .getByText(/^0:00:0[2-9]$/)
      .waitFor();
    await dialog.getByRole('button', { name: 'Stop timer' }).click();
    // Timed work counts in whole minutes, at least one.
    expect(await dialog.getByRole('textbox', { name: 'Duration' }).inputValue()).toBe('1m');
    await dialog.getByRole('button', { name: 'Start timer' }).waitFor();

    const description = unique('Call with the expert');
    await chooseMatter(page, acme);
    await dialog.getByRole('textbox', { name: 'Description' }).fill(description);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const card = entryCard(page, description);
    await card.waitFor();
    expect(await card.textContent()).toContain('1m');
    await card.getByRole('button', { name: /^Delete/ }).click();
    await page
      .getByRole('dialog', { name: 'Delete this time entry?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await card.waitFor({ state: 'detached' });
  });

  it('adds time by keyboard alone, and fits a 375-px phone', async () => {
    const { page } = tab;
    await page.setViewportSize(phoneViewport);
    await signInToConnect(page, demoCoCounsel);
    await page.goto('/connect/activities');
    await page.getByRole('heading', { level: 1, name: 'Activities' }).waitFor();
    await expectNoSidewaysScroll(page);

    const description = unique('Reviewed the long-named exhibit_list_with_no_spaces_anywhere_in_it');
    await page.getByRole('button', { name: 'Add time' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add time' });
    await dialog.waitFor();
    const matter = dialog.getByRole('combobox', { name: 'Matter' });
    // The shared matters load first.
    await expect.poll(() => matter.isEnabled(), { timeout: 10_000 }).toBe(true);
    await matter.focus();
    await page.keyboard.type('Whitfield');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await matter.inputValue()).toContain(whitfield);
    await dialog.getByRole('textbox', { name: 'Duration' }).focus();
    await page.keyboard.type('1.5');
    await dialog.getByRole('textbox', { name: 'Description' }).focus();
    await page.keyboard.type(description);
    await dialog.getByRole('textbox', { name: 'Duration' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    const card = entryCard(page, description);
    await card.waitFor();
    expect(await card.textContent()).toContain('1h 30m');
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    // Delete by keyboard too: the confirmation's button takes Enter.
    await card.getByRole('button', { name: /^Delete/ }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Delete this time entry?' });
    await confirm.getByRole('button', { name: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    await card.waitFor({ state: 'detached' });
  });
});
