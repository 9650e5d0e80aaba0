import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { expectNoSidewaysScroll, openSection, phoneViewport, signInToConnect } from './support/connect';
import { demoCoCounsel, demoSharing } from './support/demo';
import { pagePerTest } from './support/page-per-test';

const tab = pagePerTest();

/** The seeded conversation between the demo firm and its co-counsel. */
const seededSubject = 'Deposition of the Acme procurement manager';

/** Picks a file through the button that opens the browser's file chooser. */
async function pickFile(page: Page, buttonName: string, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: buttonName }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

/** Presses Tab until the named button has focus (at most `limit` times). */
async function tabTo(page: Page, name: string, limit = 10) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === name) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

describe('Communications (co-counsel)', () => {
  it('reads the seeded conversation, replies with an attachment, downloads it, adds time and prints', async () => {
    const { page } = tab;
    await signInToConnect(page, demoCoCounsel);
    await openSection(page, 'Communications');
    const conversations = page.getByRole('list', { name: 'Conversations' });
    await conversations.getByRole('link', { name: seededSubject }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await conversations.getByRole('link', { name: seededSubject }).click();
    await page.getByRole('heading', { level: 1, name: seededSubject }).waitFor();
    const thread = page.getByRole('list', { name: 'Messages' });
    await thread.getByText('Yes, I will add them to the shared folder this week.').waitFor();
    expect(await page.title()).toBe(`${seededSubject} · Chambers Connect`);
    expect(await seriousViolations(page)).toEqual([]);

    // Reply with an attachment: it is uploaded to the matter, then named in the message.
    const stamp = Date.now();
    const fileName = `deposition-notes-${stamp}.txt`;
    const body = `Notes for the deposition attached (${stamp}).`;
    await pickFile(page, 'Attach files', fileName, 'Questions on the January delivery schedule.');
    await page.getByRole('list', { name: 'Attachments' }).getByText(fileName).waitFor();
    await page.getByRole('textbox', { name: 'Reply' }).fill(body);
    await page.getByRole('button', { name: 'Send' }).click();
    const mine = thread.getByRole('article').filter({ hasText: body });
    await mine.getByRole('button', { name: `Download ${fileName}` }).waitFor();
    expect(await mine.textContent()).toContain(demoCoCounsel.name);
    expect(await page.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe('');

    // The attachment downloads under its own name, with its content.
    const download = page.waitForEvent('download');
    await mine.getByRole('button', { name: `Download ${fileName}` }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(fileName);

    // "Add time" on the message: the conversation's matter, the message as the description.
    await mine.getByRole('button', { name: 'Add time' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add time' });
    expect(await dialog.getByRole('textbox', { name: 'Description' }).inputValue()).toBe(body);
    await dialog.getByRole('textbox', { name: 'Duration' }).fill('20m');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Logged 20m.').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // "Print" opens the browser's print dialog; on paper, the header, buttons and reply box are gone.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    expect(await page.getByRole('textbox', { name: 'Reply' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await mine.getByRole('button', { name: 'Add time' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1, name: seededSubject }).isVisible()).toBe(true);
    expect(await mine.getByText(body).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('textbox', { name: 'Reply' }).isVisible()).toBe(true);

    // Opening it marked it read: the list no longer marks it unread.
    await page.getByRole('link', { name: 'All conversations' }).click();
    const row = conversations.getByRole('listitem').filter({ hasText: seededSubject });
    await row.waitFor();
    await expect.poll(() => row.getAttribute('data-unread')).toBeNull();
  });

  it('starts a new conversation on a shared matter by keyboard, with an attachment', async () => {
    const { page } = tab;
    await signInToConnect(page, demoCoCounsel);
    await openSection(page, 'Communications');

    const subject = `Expert witness budget ${Date.now()}`;
    const matter = demoSharing.sharedMatters[1];
    await page.getByRole('button', { name: 'New message' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New message' });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Sending with nothing filled says what is missing.
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.getByText('Enter a subject').waitFor();
    await dialog.getByText('Choose the matter it is about').waitFor();

    await dialog.getByRole('textbox', { name: 'Subject' }).focus();
    await page.keyboard.type(subject);
    await page.keyboard.press('Tab');
    // Only shared matters are offered.
    await page.keyboard.type('Blue Harbor');
    await page.getByText('No matter shared with you matches').waitFor();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Whitfield');
    await page.getByRole('option', { name: new RegExp(matter) }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('combobox', { name: 'Matter' }).inputValue()).toContain(matter);

    const fileName = `budget-${Date.now()}.txt`;
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Attachments' }).click();
    await (await chooser).setFiles({
      name: fileName,
      mimeType: 'text/plain',
      buffer: Buffer.from('Budget: 12 hours.'),
    });
    await dialog
      .getByRole('textbox', { name: 'Message' })
      .fill('Can we agree a budget for the expert witness?');
    await dialog.getByRole('textbox', { name: 'Message' }).focus();
    await tabTo(page, 'Send');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: subject }).waitFor();
    const message = page.getByRole('list', { name: 'Messages' }).getByRole('article');
    await message.getByText('Can we agree a budget for the expert witness?').waitFor();
    await message.getByRole('button', { name: `Download ${fileName}` }).waitFor();
    await page.getByText(`Matter: `).filter({ hasText: matter }).waitFor();

    // A reply typed and sent by keyboard.
    await page.getByRole('textbox', { name: 'Reply' }).focus();
    await page.keyboard.type('Following up by keyboard.');
    await tabTo(page, 'Send');
    await page.keyboard.press('Enter');
    await message.filter({ hasText: 'Following up by keyboard.' }).waitFor();

    await page.getByRole('link', { name: 'All conversations' }).click();
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: subject }).waitFor();
  });

  it('fits a phone and shows nothing of a conversation the person does not take part in', async () => {
    const { page } = tab;
    await page.setViewportSize(phoneViewport);
    await signInToConnect(page, demoCoCounsel);
    await page.goto('/connect/conversations');
    await page.getByRole('heading', { level: 1, name: 'Communications' }).waitFor();
    await page.getByRole('link', { name: seededSubject }).waitFor();
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'New message' }).click();
    await page.getByRole('dialog', { name: 'New message' }).waitFor();
    await expectNoSidewaysScroll(page);
    await page.getByRole('dialog', { name: 'New message' }).getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('link', { name: seededSubject }).click();
    await page.getByRole('heading', { level: 1, name: seededSubject }).waitFor();
    await page.getByRole('list', { name: 'Messages' }).getByRole('article').first().waitFor();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/connect/conversations/01a00000-0000-7000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Conversation not found' }).waitFor();
    await expectNoSidewaysScroll(page);
  });
});
