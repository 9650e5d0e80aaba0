import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import { seriousViolations } from './support/axe';
import { expectNoSidewaysScroll, phoneViewport, signInToConnect } from './support/connect';
import { demoAdmin, demoClient, demoCoCounsel } from './support/demo';
import { pagePerTest } from './support/page-per-test';

const tab = pagePerTest();

/** The seeded portal's opening message, by the attorney. */
const welcome = 'Welcome to the portal for your case against Acme.';
/** The PDF the firm shared into the seeded portal. */
const sharedPdf = 'Letter to Acme re cure period.pdf';

/**
 * The admin opens a portal of its own on a matter found by description (with the matter's client,
 * or the participants given); `closed` closes it at once.
 */
async function portalByAdmin(
  baseUrl: string,
  matter: string,
  name: string,
  closed = false,
  participants?: { type: 'contact'; id: string }[],
): Promise<string> {
  const admin = await apiAs(baseUrl, demoAdmin);
  const matters = await admin.data<{ id: string; description: string }[]>('GET', '/api/v1/matters?limit=200');
  const target = matters.find((m) => m.description === matter);
  if (!target) throw new Error(`no matter ${matter}`);
  const portal = await admin.data<{ id: string }>('POST', '/api/v1/portals', {
    matter_id: target.id,
    name,
    ...(participants ? { participants } : {}),
  });
  if (closed) await admin.data('PATCH', `/api/v1/portals/${portal.id}`, { closed: true });
  return portal.id;
}

let portalId: string;

beforeAll(async () => {
  const client = await apiAs(tab.baseUrl, demoClient);
  const portals = await client.data<{ id: string; name: string }[]>('GET', '/api/v1/portals');
  const portal = portals.find((p) => p.name === demoClient.portalName);
  if (!portal) throw new Error('the demo client has no portal');
  portalId = portal.id;
});

/** Signs the client in and opens its portal (from Home when it links there, else by address). */
async function openPortal(page: Page) {
  await signInToConnect(page, demoClient);
  const link = page.getByRole('link', { name: demoClient.portalName });
  if ((await link.count()) > 0) await link.first().click();
  else await page.goto(`/connect/portals/${portalId}`);
  await page.getByRole('heading', { level: 1, name: demoClient.portalName }).waitFor();
}

describe('Client portal', () => {
  it('reads the messages, replies with an attachment by keyboard and downloads it', async () => {
    const { page } = tab;
    await openPortal(page);
    const thread = page.getByRole('list', { name: 'Messages' });
    await thread.getByText(welcome, { exact: false }).waitFor();
    expect(await page.getByRole('tab', { name: 'Messages' }).getAttribute('aria-selected')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    const stamp = Date.now();
    const fileName = `receipt-${stamp}.txt`;
    const body = `Here is the receipt for the last delivery (${stamp}).`;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles({
      name: fileName,
      mimeType: 'text/plain',
      buffer: Buffer.from('Paid in full.'),
    });
    // Typed and sent by keyboard.
    await page.getByRole('textbox', { name: 'Reply' }).focus();
    await page.keyboard.type(body);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Send') break;
    }
    await page.keyboard.press('Enter');
    const mine = thread.getByRole('article').filter({ hasText: body });
    await mine.getByRole('button', { name: `Download ${fileName}` }).waitFor();
    expect(await mine.textContent()).toContain(demoClient.name);

    const download = page.waitForEvent('download');
    await mine.getByRole('button', { name: `Download ${fileName}` }).click();
    expect((await download).suggestedFilename()).toBe(fileName);
  });

  it('uploads a file with a progress bar, then previews and downloads a shared PDF', async () => {
    const { page } = tab;
    await openPortal(page);
    // The tabs work by keyboard: arrow to "Shared files".
    await page.getByRole('tab', { name: 'Messages' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Shared files' }).getAttribute('aria-selected'))
      .toBe('true');
    const files = page.getByRole('list', { name: 'Shared files' });
    await files.getByText(sharedPdf).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const fileName = `signed-statement-${Date.now()}.txt`;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload files' }).click();
    await (await chooser).setFiles({
      name: 'statement.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(200_000, 'a'),
    });
    // Renamed before it goes up.
    await page.getByRole('textbox', { name: 'Name for statement.txt' }).fill(fileName);
    await page.getByRole('button', { name: 'Upload 1 file' }).click();
    const progress = page.getByRole('progressbar', { name: `Upload of ${fileName}` });
    await progress.waitFor();
    await page.locator('[data-upload-status="done"]').getByText('Uploaded').waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    await files.getByRole('button', { name: `Download ${fileName}` }).waitFor();

    // A shared PDF shows in the page from a blob: URL, and downloads under its name.
    await files.getByRole('button', { name: `Preview ${sharedPdf}` }).click();
    const preview = page.getByRole('dialog', { name: sharedPdf });
    const frame = preview.locator(`iframe[title="${sharedPdf}"]`);
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    const download = page.waitForEvent('download');
    await files.getByRole('button', { name: `Download ${sharedPdf}` }).click();
    expect((await download).suggestedFilename()).toBe(sharedPdf);

    // A shared folder opens to its documents.
    await files.getByRole('button', { name: 'Pleadings' }).click();
    await files.getByRole('button', { name: 'Preview Complaint.pdf' }).waitFor();
  });

  it('reads like a messaging app on a phone', async () => {
    const { page } = tab;
    await page.setViewportSize(phoneViewport);
    await openPortal(page);
    await page.getByRole('list', { name: 'Messages' }).getByText(welcome, { exact: false }).waitFor();
    await expectNoSidewaysScroll(page);
    // The reply box is on screen at the bottom, however long the thread.
    const box = await page.getByRole('button', { name: 'Send' }).boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(phoneViewport.height);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Shared files' }).click();
    await page.getByRole('list', { name: 'Shared files' }).getByText(sharedPdf).waitFor();
    await expectNoSidewaysScroll(page);
  });

  it('shows a closed portal as closed, with posting and uploading disabled', async () => {
    const { baseUrl, page } = tab;
    const name = `Lease renewal — closed ${Date.now()}`;
    const closedId = await portalByAdmin(baseUrl, 'Client — commercial lease renewal', name, true);
    await signInToConnect(page, demoClient);
    await page.goto(`/connect/portals/${closedId}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('This portal is closed').first().waitFor();
    expect(await page.getByRole('textbox', { name: 'Reply' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'Shared files' }).click();
    expect(await page.getByRole('button', { name: 'Upload files' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows nothing of a portal the client does not take part in', async () => {
    const { baseUrl, page } = tab;
    const name = `Northwind supplier terms ${Date.now()}`;
    const otherId = await portalByAdmin(baseUrl, 'Northwind Traders — supplier agreement review', name);
    await signInToConnect(page, demoClient);
    await page.goto(`/connect/portals/${otherId}`);
    await page.getByRole('heading', { level: 1, name: 'Portal not found' }).waitFor();
    expect(await page.content()).not.toContain(name);
    expect(await page.content()).not.toContain('Northwind');
    expect(await page.title()).not.toContain('Northwind');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('is the same screen for co-counsel who take part in a portal', async () => {
    const { baseUrl, page } = tab;
    // Co-counsel's contact card, as its own conversations name it.
    const coCounsel = await apiAs(baseUrl, demoCoCounsel);
    const conversations = await coCounsel.data<
      { participants: { person: { type: string; id: string; name: string } }[] }[]
    >('GET', '/api/v1/conversations');
    const card = conversations
      .flatMap((c) => c.participants)
      .find((p) => p.person.type === 'contact' && p.person.name === demoCoCounsel.name);
    if (!card) throw new Error('co-counsel has no contact card in its conversations');
    const name = `Acme — co-counsel room ${Date.now()}`;
    const id = await portalByAdmin(baseUrl, 'Client v. Acme Corp — breach of supply contract', name, false, [
      { type: 'contact', id: card.person.id },
    ]);

    await signInToConnect(page, demoCoCounsel);
    await page.goto(`/connect/portals/${id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('No messages yet.').waitFor();
    await page.getByRole('textbox', { name: 'Reply' }).fill('Co-counsel here: joining the room.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page
      .getByRole('list', { name: 'Messages' })
      .getByText('Co-counsel here: joining the room.')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
