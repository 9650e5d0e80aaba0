import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { expectNoSidewaysScroll, openSection, phoneViewport, signInToConnect } from './support/connect';
import { demoCoCounsel, demoSharing } from './support/demo';
import { pagePerTest } from './support/page-per-test';

const tab = pagePerTest();

/** A seeded event the demo co-counsel is invited to: tomorrow, on the shared Acme matter, with a video call. */
const strategyCall = {
  title: 'Strategy call with co-counsel',
  conferenceUrl: 'https://zoom.example/j/5550100',
  attendees: ['Ari Attorney', 'Avery Admin', 'Cora Counsel'],
};
/** The seeded co-counsel's time zone (her profile's). */
const timeZone = 'America/New_York';

/** The month ("November 2026") an instant falls in, in the zone: the list view's heading. */
const monthOf = (instant: Date) =>
  new Intl.DateTimeFormat('en-US', { timeZone, month: 'long', year: 'numeric' }).format(instant);

async function openCalendar(page: Page) {
  await signInToConnect(page, demoCoCounsel);
  await openSection(page, 'Calendar');
}

/** The calendar's range heading (level 2), e.g. "November 2026". */
const rangeHeading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 }).first();

/** Chooses a view in the labelled switcher. */
async function chooseView(page: Page, view: 'Month' | 'Week' | 'List') {
  await page.getByRole('radiogroup', { name: 'Calendar view' }).getByText(view, { exact: true }).click();
  expect(await page.getByRole('radio', { name: view }).isChecked()).toBe(true);
}

/** The event as the calendar shows it: a button named by its time and title. */
const eventButton = (page: Page, title: string) =>
  page.getByRole('main').getByRole('button', { name: new RegExp(title) });

/** Moves the list view on to the month holding tomorrow (the seeded call), if that is next month. */
async function showTomorrowsMonth(page: Page) {
  const tomorrow = new Date(Date.now() + 86_400_000);
  if (monthOf(tomorrow) !== monthOf(new Date()))
    await page.getByRole('button', { name: 'Next month' }).click();
  await rangeHeading(page)
    .filter({ hasText: monthOf(tomorrow) })
    .waitFor();
}

describe('Connect Calendar (co-counsel)', () => {
  it('switches month, week and list views, and opens an event with its details and video call', async () => {
    const { page } = tab;
    await openCalendar(page);
    expect(await page.getByRole('radio', { name: 'Month' }).isChecked()).toBe(true);
    await rangeHeading(page)
      .filter({ hasText: monthOf(new Date()) })
      .waitFor();
    expect(await page.locator('.fc-dayGridMonth-view').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await chooseView(page, 'Week');
    await page.locator('.fc-timeGridWeek-view').waitFor();
    await rangeHeading(page)
      .filter({ hasText: /\d+ – / })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await chooseView(page, 'List');
    await page.locator('.fc-listMonth-view').waitFor();
    await showTomorrowsMonth(page);
    expect(await seriousViolations(page)).toEqual([]);

    await eventButton(page, strategyCall.title).click();
    const dialog = page.getByRole('dialog', { name: strategyCall.title });
    await dialog.waitFor();
    const details = await dialog.textContent();
    expect(details).toContain(`Times in ${timeZone}`);
    // Seeded at 19:00–20:00 UTC: 2–3 PM in New York in winter, 3–4 PM in summer.
    expect(details).toMatch(/, [23]:00\sPM – [34]:00\sPM/);
    for (const attendee of strategyCall.attendees) expect(details).toContain(attendee);

    const join = dialog.getByRole('link', { name: 'Join video call' });
    expect(await join.getAttribute('href')).toBe(strategyCall.conferenceUrl);
    expect(await join.getAttribute('target')).toBe('_blank');
    expect(await join.getAttribute('rel')).toContain('noopener');

    const matter = dialog.getByRole('link', { name: new RegExp(demoSharing.sharedMatters[0]) });
    expect(await matter.getAttribute('href')).toMatch(/^\/connect\/matters\/[0-9a-f-]{36}$/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('works by keyboard: previous, next and today, the view switcher, and opening an event', async () => {
    const { page } = tab;
    await openCalendar(page);
    const thisMonth = monthOf(new Date());
    await rangeHeading(page).filter({ hasText: thisMonth }).waitFor();

    await page.getByRole('button', { name: 'Next month' }).focus();
    await page.keyboard.press('Enter');
    await rangeHeading(page).filter({ hasNotText: thisMonth }).waitFor();
    await page.getByRole('button', { name: 'Today' }).focus();
    await page.keyboard.press('Enter');
    await rangeHeading(page).filter({ hasText: thisMonth }).waitFor();

    // The view switcher is a radio group: arrow keys move through Month, Week and List.
    await page.getByRole('radio', { name: 'Month' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'List' }).isChecked()).toBe(true);
    await page.locator('.fc-listMonth-view').waitFor();
    await showTomorrowsMonth(page);

    // Tab from the switcher reaches the events; Enter opens one.
    const event = eventButton(page, strategyCall.title);
    let reached = false;
    for (let presses = 0; presses < 20 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = await event.evaluate((element) => element === document.activeElement);
    }
    expect(reached, 'Tab reaches the event').toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: strategyCall.title }).waitFor();
  });

  it('starts on the list on a phone, and no view scrolls sideways', async () => {
    const { page } = tab;
    await page.setViewportSize(phoneViewport);
    await openCalendar(page);
    expect(await page.getByRole('radio', { name: 'List' }).isChecked()).toBe(true);
    await page.locator('.fc-listMonth-view').waitFor();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    for (const view of ['Week', 'Month'] as const) {
      await chooseView(page, view);
      await expectNoSidewaysScroll(page);
    }
    expect(await seriousViolations(page)).toEqual([]);

    await chooseView(page, 'List');
    await showTomorrowsMonth(page);
    await eventButton(page, strategyCall.title).click();
    await page.getByRole('dialog', { name: strategyCall.title }).waitFor();
    await expectNoSidewaysScroll(page);
  });
});
