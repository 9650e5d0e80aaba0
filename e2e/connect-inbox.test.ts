import { describe, expect, it } from 'vitest';
import { apiAs } from './support/api';
import { signInToConnect } from './support/connect';
import { demoCoCounsel } from './support/demo';
import { pagePerTest } from './support/page-per-test';

const tab = pagePerTest();

/** The demo attorney, who leads the Acme lawsuit and writes to co-counsel. */
const demoAttorney = { email: 'attorney@demo-firm.test', password: 'chambers-demo' } as const;
const seededSubject = 'Deposition of the Acme procurement manager';

describe("Connect's inbox icon", () => {
  it('counts unread messages, opens Communications, and drops once the conversation is read', async () => {
    const { baseUrl, page } = tab;
    // A new message from the firm, so there is something unread whatever ran before.
    const attorney = await apiAs(baseUrl, demoAttorney);
    const conversations = await attorney.all<{ id: string; subject: string }>('/api/v1/conversations');
    const conversation = conversations.find((c) => c.subject === seededSubject);
    if (!conversation) throw new Error('The seeded conversation is missing');
    const posted = await attorney.call('POST', `/api/v1/conversations/${conversation.id}/messages`, {
      body: `Inbox check ${Date.now()}`,
    });
    expect(posted.status).toBe(201);

    await signInToConnect(page, demoCoCounsel);
    const unread = page.getByRole('banner').getByRole('link', { name: /^Messages, \d+ unread$/ });
    await unread.waitFor();
    const inbox = page.getByRole('banner').getByRole('link', { name: /^Messages/ });
    const count = async () =>
      Number(/(\d+) unread/.exec((await inbox.getAttribute('aria-label')) ?? '')?.[1] ?? 0);
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(1);

    await unread.click();
    await page.getByRole('heading', { level: 1, name: 'Communications' }).waitFor();
    await page
      .getByRole('link', { name: new RegExp(seededSubject) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: seededSubject }).waitFor();
    // Reading it takes its unread messages off the count.
    await expect.poll(count).toBeLessThan(before);
  });
});
