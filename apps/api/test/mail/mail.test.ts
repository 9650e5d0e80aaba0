import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../../src/jobs/job-queue';
import { createSmtpMailer } from '../../src/mail/smtp-mailer';
import { startSmtpSink } from '../support/smtp-sink';
import { createTestApp, type TestApp } from '../support/test-app';

describe('SMTP mailer', () => {
  it('delivers through a real SMTP server', async () => {
    const sink = await startSmtpSink();
    const mailer = createSmtpMailer(sink.url, 'Chambers <no-reply@firm.test>');
    try {
      await mailer.send({
        to: ['dana@client.test'],
        subject: 'Your invitation',
        text: 'Open https://x.test/i/abc',
      });
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]?.from).toBe('no-reply@firm.test');
      expect(sink.received[0]?.to).toEqual(['dana@client.test']);
      expect(sink.received[0]?.raw).toContain('Subject: Your invitation');
      expect(sink.received[0]?.raw).toContain('https://x.test/i/abc');
    } finally {
      await mailer.close();
      await sink.stop();
    }
  });
});

describe('mail through the outbox with SMTP configured', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ env: { SMTP_URL: sink.url, MAIL_FROM: 'Chambers <mail@firm.test>' } });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('sends a mail enqueued in a committed transaction, once', async () => {
    await t.database.db.transaction(async (tx) => {
      await enqueueMail(tx, { to: ['a@client.test'], subject: 'Committed', text: 'hello' });
    });
    expect(await t.app.jobWorker.runOnce()).toBe(1);
    expect(await t.app.jobWorker.runOnce()).toBe(0);
    expect(sink.received.filter((mail) => mail.raw.includes('Subject: Committed'))).toHaveLength(1);
  });

  it('sends nothing for a transaction that rolled back', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await enqueueMail(tx, { to: ['b@client.test'], subject: 'Rolled back', text: 'never' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await t.app.jobWorker.runOnce()).toBe(0);
    expect(sink.received.some((mail) => mail.raw.includes('Rolled back'))).toBe(false);
  });

  it('does not expose the dev mailbox', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/dev/mailbox' })).statusCode).toBe(404);
    // The path falls through to the SPA (or a 404 when it is not built), never to captured mail.
    const page = await t.app.inject({ method: 'GET', url: '/dev/mailbox' });
    expect(page.body).not.toContain('Dev mailbox');
  });
});

describe('dev mailbox (no SMTP configured)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps sent mail readable through the API, newest first, paginated', async () => {
    for (const subject of ['First', 'Second', 'Third']) {
      await enqueueMail(t.database.db, { to: ['c@client.test'], subject, text: `Body of ${subject}` });
    }
    while ((await t.app.jobWorker.runOnce()) > 0);
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/dev/mailbox?limit=2' });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.data.map((mail: { subject: string }) => mail.subject)).toEqual(['Third', 'Second']);
    expect(page1.meta.next_cursor).toEqual(expect.any(String));
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dev/mailbox?limit=2&cursor=${encodeURIComponent(page1.meta.next_cursor)}`,
    });
    expect(second.json().data.map((mail: { subject: string }) => mail.subject)).toEqual(['First']);
    expect(second.json().meta.next_cursor).toBeNull();
  });

  it('rejects a cursor it did not issue', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/dev/mailbox?cursor=bm90LWEtY3Vyc29y',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('renders a page with links clickable and markup escaped', async () => {
    await enqueueMail(t.database.db, {
      to: ['d@client.test'],
      subject: '<script>alert(1)</script> Invitation',
      text: 'Accept at http://localhost:3000/connect/invitations/abc123',
    });
    await t.app.jobWorker.runOnce();
    const page = await t.app.inject({ method: 'GET', url: '/dev/mailbox' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Invitation');
    expect(page.body).toContain(
      '<a href="http://localhost:3000/connect/invitations/abc123">http://localhost:3000/connect/invitations/abc123</a>',
    );
  });
});
