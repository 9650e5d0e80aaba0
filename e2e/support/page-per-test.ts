import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { launchBrowser, openPage, watchForPageProblems } from './browser';

export interface PageUnderTest {
  /** Origin of the server under test. */
  readonly baseUrl: string;
  /** The current test's page, on a fresh context; read it inside a test. */
  readonly page: Page;
}

/**
 * For a file of journeys: one Chromium for the file, a fresh page for each test, and a failed
 * test when its page threw or was refused by the Content-Security-Policy. Call it at the top level.
 */
export function pagePerTest(): PageUnderTest {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let page: Page;
  let pageProblems: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    expect(pageProblems).toEqual([]);
  });
  beforeEach(async () => {
    page = await openPage(browser, baseUrl);
    pageProblems = watchForPageProblems(page);
    return () => page.context().close();
  });

  return {
    baseUrl,
    get page() {
      return page;
    },
  };
}
