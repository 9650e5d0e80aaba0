import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import { seriousViolations } from './support/axe';
import { expectNoSidewaysScroll, openSection, phoneViewport, signInToConnect } from './support/connect';
import { demoCoCounsel, demoSharing } from './support/demo';
import { pagePerTest } from './support/page-per-test';

const tab = pagePerTest();
const [acme, whitfield] = demoSharing.sharedMatters as unknown as [string, string];

/** A 1×1 PNG: the smallest image the API recognises from its bytes. */
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A name no other test or run has used, so assertions are about this test's own records. */
const unique = (base: string) =>
  `${base} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function openDocuments(page: Page) {
  await signInToConnect(page, demoCoCounsel);
  await openSection(page, 'Documents');
  await folderTree(page).getByRole('button', { name: acme }).waitFor();
}

const folderTree = (page: Page) => page.getByRole('navigation', { name: 'Folders' });
const documentList = (page: Page) => page.getByRole('list', { name: 'Documents' });
const documentRow = (page: Page, name: string) => documentList(page).getByRole('listitem', { name });
const uploads = (page: Page) => page.getByRole('region', { name: 'Uploads' });
const uploadRow = (page: Page, name: string) =>
  uploads(page).locator('[data-upload-status]').filter({ hasText: name });

/** Opens a matter or folder in the tree and waits for the breadcrumbs to show it. */
async function openPlace(page: Page, name: string) {
  await folderTree(page).getByRole('button', { name, exact: true }).click();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByText(name, { exact: true }).waitFor();
}

async function waitForStatus(page: Page, name: string, status: string) {
  await expect
    .poll(() => uploadRow(page, name).first().getAttribute('data-upload-status'), { timeout: 20_000 })
    .toBe(status);
}

/** Picks files through "New" → "File upload" or "Folder upload" (the browser's own picker). */
async function pick(
  page: Page,
  item: 'File upload' | 'Folder upload',
  files: Parameters<Page['setInputFiles']>[1],
) {
  await page.getByRole('button', { name: 'New' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: item }).click();
  await (await chooser).setFiles(files);
}

describe('Connect documents', () => {
  it('browses the shared folders by keyboard, with breadcrumbs, and never shows an unshared matter', async () => {
    const { page } = tab;
    await openDocuments(page);
    const tree = folderTree(page);
    expect(await tree.getByRole('button', { name: whitfield }).isVisible()).toBe(true);
    expect(await page.getByText(demoSharing.unsharedMatter).count()).toBe(0);

    // Keyboard: Tab to the lawsuit, Enter opens it and shows its shared folder; Enter on that opens it.
    await tree.getByRole('button', { name: acme }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByText(acme).waitFor();
    await tree.getByRole('button', { name: 'Pleadings' }).focus();
    await page.keyboard.press('Enter');
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await crumbs.getByText('Pleadings', { exact: true }).waitFor();
    expect(await crumbs.getByRole('button', { name: acme }).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.has('folder')).toBe(true);

    const complaint = documentRow(page, 'Complaint.pdf');
    await complaint.waitFor();
    const details = await complaint.textContent();
    expect(details).toMatch(/KB · Modified .+ · Uploaded by /);
    // Unshared folders of the lawsuit (Correspondence, Evidence) stay out of sight.
    expect(await tree.getByRole('button', { name: 'Correspondence' }).count()).toBe(0);

    // Back up through the breadcrumbs.
    await crumbs.getByRole('button', { name: acme }).click();
    await crumbs.getByText(acme).and(page.locator('[aria-current]')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('previews a PDF and an image in the page and frees them on close', async () => {
    const { page } = tab;
    await openDocuments(page);
    await openPlace(page, acme);
    await openPlace(page, 'Pleadings');
    // Records the blob URLs the page frees (fetching one to check is refused by the CSP).
    await page.evaluate(() => {
      const revoked: string[] = [];
      (window as unknown as { revoked: string[] }).revoked = revoked;
      const revoke = URL.revokeObjectURL.bind(URL);
      URL.revokeObjectURL = (url: string) => {
        revoked.push(url);
        revoke(url);
      };
    });
    await documentRow(page, 'Complaint.pdf')
      .getByRole('button', { name: 'Complaint.pdf', exact: true })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Preview of Complaint.pdf' });
    const frame = dialog.locator('iframe[title="Complaint.pdf"]');
    await frame.waitFor();
    const pdfUrl = (await frame.getAttribute('src')) ?? '';
    expect(pdfUrl).toMatch(/^blob:/);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => (window as unknown as { revoked: string[] }).revoked)).toContain(pdfUrl);

    // An image: uploaded here by co-counsel into the other shared matter, then previewed.
    const name = `${unique('Bus stop')}.png`;
    await openPlace(page, whitfield);
    await pick(page, 'File upload', [{ name, mimeType: 'image/png', buffer: tinyPng }]);
    await uploads(page).getByRole('button', { name: 'Upload 1 file' }).click();
    await waitForStatus(page, name, 'done');
    await documentRow(page, name).getByRole('button', { name, exact: true }).click();
    const image = page.getByRole('dialog', { name: `Preview of ${name}` }).getByRole('img', { name });
    await image.waitFor();
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  });

  it('downloads a file under its name and size', async () => {
    const { page, baseUrl } = tab;
    await openDocuments(page);
    await openPlace(page, acme);
    await openPlace(page, 'Pleadings');
    await documentRow(page, 'Complaint.pdf')
      .getByRole('button', { name: 'Actions for Complaint.pdf' })
      .click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Complaint.pdf');
    const saved = path.join(await mkdtemp(path.join(tmpdir(), 'connect-download-')), 'Complaint.pdf');
    await file.saveAs(saved);

    // Through the API: what was stored, which the screen does not show.
    const coCounsel = await apiAs(baseUrl, demoCoCounsel);
    const listed = await coCounsel.data<Array<{ name: string; size: number }>>(
      'GET',
      '/api/v1/documents?q=Complaint.pdf',
    );
    const stored = listed.find((document) => document.name === 'Complaint.pdf');
    expect((await stat(saved)).size).toBe(stored?.size);
    expect((await readFile(saved)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('adds time on a document, linked to it and to its matter', async () => {
    const { page, baseUrl } = tab;
    await openDocuments(page);
    await openPlace(page, acme);
    await openPlace(page, 'Pleadings');
    await documentRow(page, 'Complaint.pdf')
      .getByRole('button', { name: 'Actions for Complaint.pdf' })
      .click();
    await page.getByRole('menuitem', { name: 'Add time' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add time' });
    const description = unique('Reviewed the complaint');
    await dialog.getByRole('textbox', { name: 'Duration' }).fill('1h 15m');
    await dialog.getByRole('textbox', { name: 'Description' }).fill(description);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Logged 1h 15m.').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const coCounsel = await apiAs(baseUrl, demoCoCounsel);
    const activities = await coCounsel.data<
      Array<{ description: string; document_id: string | null; duration_seconds: number }>
    >('GET', '/api/v1/activities?limit=200');
    const logged = activities.find((activity) => activity.description === description);
    expect(logged?.duration_seconds).toBe(4500);
    expect(logged?.document_id).toBeTruthy();
  });

  it('uploads two files, one renamed first, each with its progress to "Uploaded"', async () => {
    const { page } = tab;
    await openDocuments(page);
    await openPlace(page, whitfield);
    const first = `${unique('notes')}.txt`;
    const second = `${unique('timeline')}.txt`;
    const renamed = `${unique('Deposition outline')}.txt`;

    // By keyboard: focus "New", open it with Enter, Down to "File upload", Enter opens the picker.
    // (Listening first: Playwright starts catching pickers a moment after the first listener.)
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'New' }).focus();
    await page.keyboard.press('Enter');
    const fileUpload = page.getByRole('menuitem', { name: 'File upload' });
    await fileUpload.waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await fileUpload.evaluate((item) => item === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await (await chooser).setFiles([
      { name: first, mimeType: 'text/plain', buffer: Buffer.from('Outline of the deposition.\n') },
      { name: second, mimeType: 'text/plain', buffer: Buffer.from('Timeline of the incident.\n') },
    ]);

    await uploads(page)
      .getByRole('textbox', { name: `Name for ${first}` })
      .fill(renamed);
    expect(await seriousViolations(page)).toEqual([]);
    await uploads(page).getByRole('button', { name: 'Upload 2 files' }).click();
    await waitForStatus(page, renamed, 'done');
    await waitForStatus(page, second, 'done');
    expect(await uploadRow(page, renamed).getByText('Uploaded', { exact: true }).isVisible()).toBe(true);
    expect(
      await uploads(page)
        .getByRole('progressbar', { name: `Upload of ${second}` })
        .getAttribute('aria-valuenow'),
    ).toBe('100');

    // The list refreshed: the renamed file under its new name, uploaded by co-counsel.
    await documentRow(page, renamed).waitFor();
    await documentRow(page, second).waitFor();
    expect(await documentRow(page, first).count()).toBe(0);
    expect(await documentRow(page, renamed).textContent()).toContain(`Uploaded by ${demoCoCounsel.name}`);
  });

  it('uploads a folder with sub-folders through "Folder upload", recreating them', async () => {
    const { page } = tab;
    await openDocuments(page);
    await openPlace(page, whitfield);
    const top = unique('Medical records');
    const root = path.join(await mkdtemp(path.join(tmpdir(), 'connect-folder-')), top);
    await mkdir(path.join(root, 'Hospital'), { recursive: true });
    await writeFile(path.join(root, 'summary.txt'), 'Summary of treatment.\n');
    await writeFile(path.join(root, 'Hospital', 'discharge.txt'), 'Discharged after two days.\n');

    await pick(page, 'Folder upload', root);
    await uploadRow(page, 'discharge.txt').getByText(`in folder ${top}/Hospital`).waitFor();
    await uploads(page).getByRole('button', { name: 'Upload 2 files' }).click();
    await waitForStatus(page, 'summary.txt', 'done');
    await waitForStatus(page, 'discharge.txt', 'done');

    // The tree now holds the folder and its sub-folder, each with its file.
    await openPlace(page, top);
    await documentRow(page, 'summary.txt').waitFor();
    await openPlace(page, 'Hospital');
    await documentRow(page, 'discharge.txt').waitFor();
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect(await crumbs.getByRole('button', { name: top }).isVisible()).toBe(true);
  });

  it('uploads a file dropped anywhere on the page', async () => {
    const { page } = tab;
    await openDocuments(page);
    await openPlace(page, whitfield);
    const name = `${unique('dropped')}.txt`;

    // A drag of files over the window shows the drop zone over the whole page.
    await page.evaluate((fileName) => {
      const data = new DataTransfer();
      data.items.add(new File(['Dropped onto the page.\n'], fileName, { type: 'text/plain' }));
      (window as unknown as { dropped: DataTransfer }).dropped = data;
      document.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
    }, name);
    await page.getByText(`Drop files or folders to upload them to ${whitfield}`).waitFor();
    await page.evaluate(() => {
      const data = (window as unknown as { dropped: DataTransfer }).dropped;
      const target = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target?.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    });
    await uploadRow(page, name).waitFor();
    await uploads(page).getByRole('button', { name: 'Upload 1 file' }).click();
    await waitForStatus(page, name, 'done');
    await documentRow(page, name).waitFor();
  });

  it('refuses an HTML file posing as a PDF with a clear error, and offers Retry and Remove', async () => {
    const { page } = tab;
    await openDocuments(page);
    await openPlace(page, whitfield);
    const name = `${unique('invoice')}.pdf`;
    await pick(page, 'File upload', [
      {
        name,
        mimeType: 'application/pdf',
        buffer: Buffer.from('<!doctype html><html><body>Not a PDF</body></html>'),
      },
    ]);
    await uploads(page).getByRole('button', { name: 'Upload 1 file' }).click();
    await waitForStatus(page, name, 'failed');
    const error = uploadRow(page, name).getByRole('alert');
    expect(await error.textContent()).toMatch(/^Failed — Refused type: /);
    expect(
      await uploadRow(page, name)
        .getByRole('button', { name: `Retry upload of ${name}` })
        .isVisible(),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await uploadRow(page, name)
      .getByRole('button', { name: `Remove ${name} from the list` })
      .click();
    await uploadRow(page, name).waitFor({ state: 'detached' });
    expect(await documentRow(page, name).count()).toBe(0);
  });

  it('refuses a file over the size limit with a clear error, and no document appears', async () => {
    const { page, baseUrl } = tab;
    await openDocuments(page);
    await openPlace(page, whitfield);
    const name = `${unique('too large')}.txt`;
    // The test server takes files of 16 MiB at most (e2e/global-setup.ts).
    await pick(page, 'File upload', [
      { name, mimeType: 'text/plain', buffer: Buffer.alloc(17 * 1024 * 1024, 'a') },
    ]);
    await uploads(page).getByRole('button', { name: 'Upload 1 file' }).click();
    await waitForStatus(page, name, 'failed');
    expect(await uploadRow(page, name).getByRole('alert').textContent()).toMatch(/^Failed — Too large: /);
    expect(await seriousViolations(page)).toEqual([]);

    const coCounsel = await apiAs(baseUrl, demoCoCounsel);
    const found = await coCounsel.data<unknown[]>('GET', `/api/v1/documents?q=${encodeURIComponent(name)}`);
    expect(found).toEqual([]);
  });

  it('cancels an upload under way: "Cancelled", and no document appears', async () => {
    const { page, baseUrl } = tab;
    await openDocuments(page);
    await openPlace(page, whitfield);
    const name = `${unique('large scan')}.txt`;
    // A slow uplink, so the upload is still under way when Cancel is pressed.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 512 * 1024,
    });
    await pick(page, 'File upload', [
      { name, mimeType: 'text/plain', buffer: Buffer.alloc(12 * 1024 * 1024, 'a') },
    ]);
    await uploads(page).getByRole('button', { name: 'Upload 1 file' }).click();
    await waitForStatus(page, name, 'uploading');
    await uploadRow(page, name)
      .getByText(/^Uploading [1-9]\d?%$/)
      .waitFor({ timeout: 20_000 });
    await uploadRow(page, name)
      .getByRole('button', { name: `Cancel upload of ${name}` })
      .click();
    await waitForStatus(page, name, 'cancelled');
    expect(await uploadRow(page, name).getByText('Cancelled').isVisible()).toBe(true);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    const coCounsel = await apiAs(baseUrl, demoCoCounsel);
    const found = await coCounsel.data<unknown[]>('GET', `/api/v1/documents?q=${encodeURIComponent(name)}`);
    expect(found).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await documentList(page).or(page.getByText('No documents here yet.')).first().waitFor();
    expect(await documentRow(page, name).count()).toBe(0);
  });

  it('fits a 375-px phone, uploads included, and explains why "New" is off at the top', async () => {
    const { page } = tab;
    await page.setViewportSize(phoneViewport);
    await openDocuments(page);
    expect(await page.getByRole('button', { name: 'New' }).isDisabled()).toBe(true);
    await page.getByText('Open a matter or folder to upload into it.').waitFor();
    await expectNoSidewaysScroll(page);

    await openPlace(page, acme);
    await openPlace(page, 'Pleadings');
    await documentRow(page, 'Complaint.pdf').waitFor();
    await pick(page, 'File upload', [
      {
        name: `${unique('a very long file name that must wrap on a phone')}.txt`,
        mimeType: 'text/plain',
        buffer: Buffer.from('x\n'),
      },
    ]);
    await uploads(page).waitFor();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
