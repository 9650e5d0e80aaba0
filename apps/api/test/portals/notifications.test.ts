import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliveredTo } from '../support/dev-mailbox';
import type { SignedIn } from '../support/sessions';
import { CLIENT_EMAIL, type PortalsWorld, portalsWorld } from './support';

const ATTORNEY_EMAIL = 'attorney@demo-firm.test';

describe('portal notifications', () => {
  let w: PortalsWorld;
  beforeAll(async () => {
    w = await portalsWorld('10.94');
  });
  afterAll(() => w.close());

  /** Lets the notification delay pass: every waiting job becomes due. */
  const delayPasses = () =>
    w.db.execute(sql`update jobs set run_at = now() where kind = 'conversation.notify'`);
  /** Runs every due job and answers the mail each address received since the last call. */
  let seen = 0;
  const newMail = async () => {
    await deliveredTo(w.t.app, ATTORNEY_EMAIL);
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
  const post = async (as: SignedIn, portalId: string, body: string) => {
    const response = await w.call(as, 'POST', `/api/v1/portals/${portalId}/messages`, { body });
    expect(response.statusCode, response.body).toBe(201);
  };

  it('mails the client a Connect link to the portal and the firm user a Manage link, never the messages', async () => {
    const portal = await w.portal({ name: 'Estate of Whitfield' });
    await post(w.attorney, portal.id, 'The valuation came in at 950,000.');
    await post(w.attorney, portal.id, 'Call me before the hearing.');
    // Not due yet: nobody is mailed before the delay.
    expect(await newMail()).toEqual([]);

    await delayPasses();
    const [toClient, ...others] = await newMail();
    expect(others).toEqual([]);
    expect(toClient?.to).toBe(CLIENT_EMAIL);
    expect(toClient?.subject).toBe('2 new messages from Demo Firm LLP on Chambers');
    expect(toClient?.text).toContain(`${w.t.config.publicUrl}/connect/portals/${portal.id}`);
    const everything = `${toClient?.subject}\n${toClient?.text}`;
    for (const secret of ['950,000', 'hearing', 'Whitfield']) expect(everything).not.toContain(secret);

    await post(w.client, portal.id, 'Will do.');
    await delayPasses();
    const [toAttorney, ...more] = await newMail();
    expect(more).toEqual([]);
    expect(toAttorney?.to).toBe(ATTORNEY_EMAIL);
    expect(toAttorney?.subject).toBe('1 new message from Demo Firm LLP on Chambers');
    expect(toAttorney?.text).toContain(`${w.t.config.publicUrl}/portals/${portal.id}\n`);
    expect(toAttorney?.text).not.toContain('/connect/');
    expect(toAttorney?.text).not.toContain('Will do');
  });

  it('sends nothing to a client who read the messages in time', async () => {
    const portal = await w.portal();
    await post(w.attorney, portal.id, 'Quick question.');
    const read = await w.call(w.client, 'POST', `/api/v1/portals/${portal.id}/read`);
    expect(read.statusCode).toBe(204);
    await delayPasses();
    expect(await newMail()).toEqual([]);
  });

  it('mails nobody about a message once they are removed from the portal', async () => {
    const portal = await w.portal();
    await post(w.attorney, portal.id, 'Before you go.');
    await w.rows(
      sql`delete from conversation_participants
           where conversation_id = ${portal.id} and contact_id = ${w.clientContactId}`,
    );
    await delayPasses();
    expect(await newMail()).toEqual([]);
  });
});
