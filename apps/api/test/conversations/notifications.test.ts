import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memberships } from '../../src/db/schema/memberships';
import { deliveredTo } from '../support/dev-mailbox';
import { makeContact } from '../support/factories/practice';
import { CO_COUNSEL_EMAIL, type ConversationsWorld, conversationsWorld } from './support';

const ATTORNEY_EMAIL = 'attorney@demo-firm.test';
const ADMIN_EMAIL = 'admin@demo-firm.test';

describe('conversation notifications', () => {
  let w: ConversationsWorld;
  beforeAll(async () => {
    w = await conversationsWorld('10.83');
  });
  afterAll(() => w.close());

  /** Lets the notification delay pass: every waiting job becomes due. */
  const delayPasses = () =>
    w.db.execute(sql`update jobs set run_at = now() where kind = 'conversation.notify'`);
  const notifyJobs = () =>
    w.rows<{ participant_id: string; delay: number }>(
      sql`select payload ->> 'participant_id' as participant_id,
                 round(extract(epoch from run_at - created_at))::int as delay
            from jobs where kind = 'conversation.notify' and status = 'pending' order by id`,
    );
  /** Runs every due job and answers the mail each address received since the last call. */
  let seen = 0;
  const newMail = async () => {
    await deliveredTo(w.t.app, ADMIN_EMAIL);
    const mail = (
      await w.rows<{ to: string[]; subject: string; text: string }>(
        sql`select "to", subject, text from dev_mail order by sent_at, id offset ${seen}`,
      )
    ).map((row) => ({ ...row, to: row.to.join(',') }));
    seen += mail.length;
    return mail;
  };
  beforeEach(async () => {
    await newMail();
  });

  it('mails each other participant once for messages posted in a row, never with their content', async () => {
    const conversation = await w.start(w.admin, {
      subject: 'Settlement figures',
      matter_id: w.sharedMatter.id,
      participants: [w.user(w.attorney), w.contact(w.coCounselContactId)],
      body: 'The number is 4.2 million.',
    });
    await w.post(w.admin, conversation.id, { body: 'Not a word to the press.' });
    const jobs = await notifyJobs();
    expect(jobs).toHaveLength(2);
    expect(jobs.every((job) => job.delay === 60)).toBe(true);
    // Not due yet: nobody is mailed before the delay.
    expect(await newMail()).toEqual([]);

    await delayPasses();
    const mail = await newMail();
    expect(mail.map((m) => m.to).sort()).toEqual([ATTORNEY_EMAIL, CO_COUNSEL_EMAIL].sort());
    for (const m of mail) {
      expect(m.subject).toBe('2 new messages from Demo Firm LLP on Chambers');
      const everything = `${m.subject}\n${m.text}`;
      expect(everything).not.toContain('4.2 million');
      expect(everything).not.toContain('press');
      expect(everything).not.toContain('Settlement');
    }
    expect(mail.find((m) => m.to === CO_COUNSEL_EMAIL)?.text).toContain(
      `${w.t.config.publicUrl}/connect/conversations/${conversation.id}`,
    );
    expect(mail.find((m) => m.to === ATTORNEY_EMAIL)?.text).toContain(
      `${w.t.config.publicUrl}/conversations/${conversation.id}`,
    );
    expect(await notifyJobs()).toEqual([]);

    // The next message starts a new batch, counting only what was not mailed about.
    await w.post(w.coCounsel, conversation.id, { body: 'Understood.' });
    await delayPasses();
    const next = await newMail();
    expect(next.map((m) => `${m.to} ${m.subject}`).sort()).toEqual([
      `${ADMIN_EMAIL} 1 new message from Demo Firm LLP on Chambers`,
      `${ATTORNEY_EMAIL} 1 new message from Demo Firm LLP on Chambers`,
    ]);
  });

  it('sends nothing to a participant who read the messages in time', async () => {
    const conversation = await w.start(w.admin, {
      subject: 'Read in time',
      participants: [w.user(w.attorney), w.contact(w.coCounselContactId)],
      body: 'Quick question',
    });
    const read = await w.call(w.coCounsel, 'POST', `/api/v1/conversations/${conversation.id}/read`);
    expect(read.statusCode).toBe(204);
    await delayPasses();
    expect((await newMail()).map((m) => m.to)).toEqual([ATTORNEY_EMAIL]);
  });

  it('mails no contact without an active account, and nobody who was removed', async () => {
    const noAccount = await makeContact(w.db, w.firmId, {
      isCoCounsel: true,
      email: 'no-account@outside.test',
    });
    const conversation = await w.start(w.admin, {
      subject: 'Who gets mail',
      participants: [w.contact(noAccount.id), w.contact(w.coCounselContactId), w.user(w.attorney)],
      body: 'Hello all',
    });
    const attorney = conversation.participants.find((p) => p.person.id === w.attorney.membership.id);
    const removed = await w.call(
      w.admin,
      'DELETE',
      `/api/v1/conversations/${conversation.id}/participants/${attorney?.id}`,
    );
    expect(removed.statusCode).toBe(204);
    await w.db
      .update(memberships)
      .set({ status: 'deactivated' })
      .where(sql`id = ${w.coCounsel.membership.id}`);
    try {
      await delayPasses();
      expect(await newMail()).toEqual([]);
      expect(await w.rows(sql`select id from jobs where kind = 'conversation.notify'`)).toEqual([]);
    } finally {
      await w.db.update(memberships).set({ status: 'active' }).where(sql`id = ${w.coCounsel.membership.id}`);
    }
  });

  it('gives a message posted while a job runs its own job, and still mails once', async () => {
    const conversation = await w.start(w.admin, {
      subject: 'Racing',
      participants: [w.user(w.attorney)],
      body: 'One',
    });
    // A worker has claimed the attorney's job (it may have counted already): it is not waiting.
    await w.db.execute(
      sql`update jobs set locked_until = now() + interval '5 minutes' where kind = 'conversation.notify'`,
    );
    await w.post(w.admin, conversation.id, { body: 'Two' });
    expect(await notifyJobs()).toHaveLength(2);
    await w.db.execute(sql`update jobs set locked_until = null where kind = 'conversation.notify'`);
    await delayPasses();
    const mail = await newMail();
    expect(mail.map((m) => `${m.to} ${m.subject}`)).toEqual([
      `${ATTORNEY_EMAIL} 2 new messages from Demo Firm LLP on Chambers`,
    ]);
  });
});
