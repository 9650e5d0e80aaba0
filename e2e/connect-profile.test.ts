import * as zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { expectNoSidewaysScroll, phoneViewport, signInToConnect } from './support/connect';
import { type FreshLogin, freshCoCounsel } from './support/fresh-accounts';
import { linkMailedTo } from './support/mailbox';
import { pagePerTest } from './support/page-per-test';
import { submitSignIn } from './support/sign-in-form';
import { openUserMenu, userMenuButton } from './support/user-menu';

const tab = pagePerTest();

/**
 * A co-counsel of its own, so these journeys may change its login email, password and zone: the
 * demo admin shares a matter with a new co-counsel contact, and the mailed invitation is accepted
 * through the API.
 */
function ownCoCounsel(baseUrl: string): Promise<FreshLogin> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  return freshCoCounsel(baseUrl, {
    email: `pat.${stamp}@outside-counsel.test`,
    password: `profile journeys ${stamp}`,
    firstName: 'Pat',
    lastName: 'Profile',
  });
}

/** A `width` × `height` PNG, left half red and right half blue: a picture that is not square. */
function pngOf(width: number, height: number): Buffer {
  const row = (y: number) =>
    Buffer.concat([
      Buffer.from([0]),
      ...Array.from({ length: width }, (_, x) =>
        Buffer.from(x < width / 2 ? [220, 30, 30] : [30, 30, 220 - (y % 2)]),
      ),
    ]);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(Array.from({ length: height }, (_, y) => row(y))))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function openProfile(page: Page) {
  await page.getByRole('banner').getByRole('link', { name: 'Profile settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
}

const section = (page: Page, name: string) => page.getByRole('region', { name });

/** Uploads the picture and saves it the chosen way; answers the avatar's `blob:` URL once shown. */
async function uploadPicture(page: Page, how: 'Crop' | 'Fit', name: string, previous: string | null) {
  const chooser = page.waitForEvent('filechooser');
  await section(page, 'Picture').getByRole('button', { name: 'Upload picture' }).click();
  await (await chooser).setFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: pngOf(240, 120) });
  const editor = page.getByRole('dialog', { name: 'Profile picture' });
  await editor.waitFor();
  // The segmented control's radios are visually hidden behind their labels.
  await editor.locator('label', { hasText: new RegExp(`^${how}$`) }).click();
  expect(await editor.getByRole('radio', { name: how }).isChecked()).toBe(true);
  if (how === 'Crop') await editor.getByRole('img', { name: 'The chosen picture' }).waitFor();
  await editor.getByRole('button', { name: 'Save picture' }).click();
  await editor.waitFor({ state: 'hidden' });
  const avatar = section(page, 'Picture').getByRole('img', { name: `Profile picture of ${name}` });
  await avatar.waitFor();
  const shown = () =>
    avatar.evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? img.src : ''));
  await expect
    .poll(
      async () => {
        const src = await shown();
        return src !== '' && src !== previous;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return avatar.evaluate((img: HTMLImageElement) => img.src);
}

describe('Connect Profile', () => {
  it('changes the time zone, and the times shown move with it', async () => {
    const { baseUrl, page } = tab;
    const who = await ownCoCounsel(baseUrl);
    await signInToConnect(page, who);
    await openProfile(page);
    expect(await seriousViolations(page)).toEqual([]);

    const details = section(page, 'Name and time zone');
    const now = details.getByText(/^Your time now:/);
    const zone = details.getByRole('combobox', { name: 'Time zone' });

    async function chooseZone(search: string, value: string) {
      await zone.click();
      await zone.fill(search);
      await page.getByRole('option', { name: value, exact: true }).click();
      await details.getByRole('button', { name: 'Save profile' }).click();
      await expect.poll(() => zone.inputValue(), { timeout: 10_000 }).toBe(value);
    }

    // Fourteen hours ahead of UTC, then eleven behind: the clock on the page moves by a day or so.
    await chooseZone('Kiritimati', 'Pacific/Kiritimati');
    await page.getByText('Profile saved.').waitFor();
    const ahead = await now.textContent();
    await chooseZone('Pago', 'Pacific/Pago_Pago');
    await expect.poll(() => now.textContent(), { timeout: 10_000 }).not.toBe(ahead);

    // Kept by the API: a reload shows the saved zone.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    expect(
      await section(page, 'Name and time zone').getByRole('combobox', { name: 'Time zone' }).inputValue(),
    ).toBe('Pacific/Pago_Pago');

    // The name too, shown in the header's menu.
    await details.getByRole('textbox', { name: 'Name' }).fill('Pat Renamed');
    await details.getByRole('button', { name: 'Save profile' }).click();
    await page
      .getByRole('banner')
      .getByRole('button', { name: /^Pat Renamed\b/ })
      .waitFor();
  });

  it('uploads a picture fitted whole and then cropped, and removes it after confirming', async () => {
    const { baseUrl, page } = tab;
    const who = await ownCoCounsel(baseUrl);
    await signInToConnect(page, who);
    await openProfile(page);

    const fitted = await uploadPicture(page, 'Fit', who.name, null);
    const cropped = await uploadPicture(page, 'Crop', who.name, fitted);
    expect(cropped).not.toBe(fitted);
    expect(await seriousViolations(page)).toEqual([]);

    await section(page, 'Picture').getByRole('button', { name: 'Remove picture' }).click();
    await page
      .getByRole('dialog', { name: 'Remove your profile picture?' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await section(page, 'Picture')
      .getByRole('button', { name: 'Remove picture' })
      .waitFor({ state: 'detached' });
    expect(
      await section(page, 'Picture')
        .getByRole('img', { name: `Profile picture of ${who.name}` })
        .count(),
    ).toBe(0);
  });

  it('changes the password by keyboard, and signs in with the new one', async () => {
    const { baseUrl, page } = tab;
    const who = await ownCoCounsel(baseUrl);
    await signInToConnect(page, who);
    await openProfile(page);
    const form = section(page, 'Password');

    // The wrong current password is refused with the API's own words.
    await form.getByLabel('Current password').fill('not my password');
    await form.getByLabel(/^New password/).fill('a brand new passphrase here');
    await form.getByLabel('Confirm new password').fill('a brand new passphrase here');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('alert').waitFor();

    const newPassword = `${who.password} and then some`;
    await form.getByLabel('Current password').fill(who.password);
    await form.getByLabel(/^New password/).fill(newPassword);
    await form.getByLabel('Confirm new password').fill(`${newPassword}!`);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('The new passwords do not match').waitFor();

    // By keyboard: fix the confirmation and submit with Enter.
    await form.getByLabel('Confirm new password').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.getByText('Password changed.', { exact: false }).waitFor();

    const menu = await openUserMenu(page, who.name);
    await menu.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Chambers Connect' }).waitFor();
    await submitSignIn(page, who);
    await page.getByRole('alert').waitFor();
    await submitSignIn(page, { email: who.email, password: newPassword });
    // Signed in again, back on the page it signed out from.
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    await userMenuButton(page, who.name).waitFor();
  });

  it('changes the login email through the link mailed to the new address', async () => {
    const { baseUrl, page } = tab;
    const who = await ownCoCounsel(baseUrl);
    await signInToConnect(page, who);
    await openProfile(page);
    const form = section(page, 'Login email');
    await form.getByText(who.email).waitFor();

    const newEmail = who.email.replace('pat.', 'pat.moved.');
    await form.getByRole('textbox', { name: 'New email' }).fill(newEmail);
    await form.getByLabel('Current password').fill(who.password);
    await form.getByRole('button', { name: 'Change email' }).click();
    await form.getByText('Check your new inbox').waitFor();
    await form.getByText(`We sent a link to ${newEmail}`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const link = await linkMailedTo(baseUrl, newEmail, /\/email-change\//);
    const menu = await openUserMenu(page, who.name);
    await menu.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Chambers Connect' }).waitFor();

    await page.goto(link);
    await page.getByRole('button', { name: 'Confirm new email' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your login email is now changed' }).waitFor();
    await page.getByRole('link', { name: 'Go to sign-in' }).click();
    await submitSignIn(page, { email: newEmail, password: who.password });
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await openProfile(page);
    await section(page, 'Login email').getByText(newEmail).waitFor();
  });

  it('fits a 375-px phone and is usable by keyboard', async () => {
    const { baseUrl, page } = tab;
    const who = await ownCoCounsel(baseUrl);
    await page.setViewportSize(phoneViewport);
    await signInToConnect(page, who);
    await page.getByRole('link', { name: 'Profile settings' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    // The name, saved with Enter.
    const name = section(page, 'Name and time zone').getByRole('textbox', { name: 'Name' });
    await name.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Pat on a Phone');
    await page.keyboard.press('Enter');
    await page.getByText('Profile saved.').waitFor();
    await page
      .getByRole('banner')
      .getByRole('button', { name: /^Pat on a Phone\b/ })
      .waitFor();

    // The picture editor opens and fits too.
    const chooser = page.waitForEvent('filechooser');
    await section(page, 'Picture').getByRole('button', { name: 'Upload picture' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'wide.png', mimeType: 'image/png', buffer: pngOf(400, 100) });
    await page.getByRole('dialog', { name: 'Profile picture' }).waitFor();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
