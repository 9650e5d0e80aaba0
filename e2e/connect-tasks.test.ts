import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import { seriousViolations } from './support/axe';
import { expectNoSidewaysScroll, openSection, phoneViewport, signInToConnect } from './support/connect';
import { demoAdmin, demoCoCounsel } from './support/demo';
import { pagePerTest } from './support/page-per-test';

const tab = pagePerTest();

/** A seeded task the firm assigned to the demo co-counsel, on a matter shared with her. */
const seededTask = 'Review Acme document production';

interface ApiTask {
  id: string;
  name: string;
  matter_id: string | null;
  status: string;
  assignee: { type: string; id: string } | null;
}

/**
 * A fresh task for one test, made by the firm admin and assigned to the co-counsel (as her contact
 * card, taken from a seeded task of hers): changing it leaves the seeded ones alone.
 */
async function taskForCoCounsel(baseUrl: string, name: string, { onMatter = true } = {}): Promise<ApiTask> {
  const admin = await apiAs(baseUrl, demoAdmin);
  const tasks = await admin.data<ApiTask[]>('GET', '/api/v1/tasks?status=open&limit=200');
  const seeded = tasks.find((task) => task.name === seededTask);
  expect(seeded?.assignee?.type).toBe('contact');
  const task = await admin.data<ApiTask>('POST', '/api/v1/tasks', {
    name,
    matter_id: onMatter ? seeded?.matter_id : null,
    due_date: new Date().toISOString().slice(0, 10),
    priority: 'high',
    assignee: seeded?.assignee && { type: seeded.assignee.type, id: seeded.assignee.id },
  });
  return task;
}

/** The list item of one task, named by the task. */
const taskCard = (page: Page, name: string) => page.getByRole('listitem', { name });

/** Matter links show once the matter is looked up (only shared ones are found). */
const matterLink = (page: Page, task: string) =>
  taskCard(page, task).getByRole('link', { name: /^00001 · Client v\. Acme Corp/ });

async function openTasks(page: Page) {
  await signInToConnect(page, demoCoCounsel);
  await openSection(page, 'Tasks');
}

describe('Connect Tasks (co-counsel)', () => {
  it('lists open tasks soonest due first, completes one, finds it under Completed and undoes it', async () => {
    const { baseUrl, page } = tab;
    const name = `Check the exhibit list ${Date.now()}`;
    await taskForCoCounsel(baseUrl, name);
    await openTasks(page);

    const upcoming = page.getByRole('tab', { name: 'Upcoming' });
    expect(await upcoming.getAttribute('aria-selected')).toBe('true');
    await taskCard(page, name).waitFor();
    // Due today, it comes before the seeded task due in a few days.
    const names = await page.getByRole('tabpanel').getByRole('heading', { level: 2 }).allTextContents();
    expect(names.indexOf(name)).toBeGreaterThanOrEqual(0);
    expect(names.indexOf(name)).toBeLessThan(names.indexOf(seededTask));
    await matterLink(page, name).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Complete it: the toast offers to undo; it leaves Upcoming.
    await taskCard(page, name).getByRole('button', { name: 'Mark as complete' }).click();
    const toast = page.getByRole('alert').filter({ hasText: `“${name}” is complete.` });
    await toast.waitFor();
    await taskCard(page, name).waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);

    // Undo from the toast: it is back among the open tasks.
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`“${name}” is open again.`).waitFor();
    await taskCard(page, name).waitFor();

    // Complete it again, this time with the keyboard, and reopen it from the Completed tab.
    await taskCard(page, name).getByRole('button', { name: 'Mark as complete' }).focus();
    await page.keyboard.press('Enter');
    await taskCard(page, name).waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Completed' }).click();
    const done = taskCard(page, name);
    await done.waitFor();
    expect(await done.textContent()).toContain(`by ${demoCoCounsel.name}`);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('completed');
    expect(await seriousViolations(page)).toEqual([]);

    await done.getByRole('button', { name: 'Reopen' }).click();
    await done.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Upcoming' }).click();
    await taskCard(page, name).waitFor();
  });

  it('adds time on a task, linked to it, by keyboard', async () => {
    const { baseUrl, page } = tab;
    const name = `Draft the reply memo ${Date.now()}`;
    const task = await taskForCoCounsel(baseUrl, name);
    await openTasks(page);
    await matterLink(page, name).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await taskCard(page, name).getByRole('button', { name: 'Add time' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add time' });
    await dialog.waitFor();
    // The task's matter is known: the form does not ask for one; the description starts as the task.
    expect(await dialog.getByRole('combobox', { name: 'Matter' }).count()).toBe(0);
    expect(await dialog.getByRole('textbox', { name: 'Description' }).inputValue()).toBe(name);
    await page.keyboard.type('1h 30m');
    await page.keyboard.press('Enter');
    await page.getByText('Logged 1h 30m.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const coCounsel = await apiAs(baseUrl, demoCoCounsel);
    const entries = await coCounsel.data<
      { task_id: string | null; matter_id: string; duration_seconds: number; description: string }[]
    >('GET', '/api/v1/activities?limit=200');
    expect(entries.find((entry) => entry.task_id === task.id)).toMatchObject({
      matter_id: task.matter_id,
      duration_seconds: 5400,
      description: name,
    });
  });

  it('asks for the matter when a task has none', async () => {
    const { baseUrl, page } = tab;
    const name = `Call the court clerk ${Date.now()}`;
    await taskForCoCounsel(baseUrl, name, { onMatter: false });
    await openTasks(page);

    const card = taskCard(page, name);
    expect(await card.textContent()).not.toContain('Matter:');
    await card.getByRole('button', { name: 'Add time' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add time' });
    await dialog.getByRole('combobox', { name: 'Matter' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('fits a phone', async () => {
    const { page } = tab;
    await page.setViewportSize(phoneViewport);
    await openTasks(page);
    await taskCard(page, seededTask).waitFor();
    await expectNoSidewaysScroll(page);
    await page.getByRole('tab', { name: 'Completed' }).click();
    await page.getByRole('tabpanel', { name: 'Completed' }).waitFor();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
