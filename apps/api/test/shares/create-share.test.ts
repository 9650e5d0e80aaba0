import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identities } from '../../src/db/schema/identities';
import { memberships } from '../../src/db/schema/memberships';
import { apiCalls } from '../support/api-calls';
import { deliveredTo } from '../support/dev-mailbox';
import { makeDocument } from '../support/factories/documents';
import { makeContact, makeMatter } from '../support/factories/practice';
import { invitationTo } from '../support/invitation-mail';
import { errorPaths } from '../support/problems';
import { sessionFrom } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';
import { type DemoFirm, seedAndSignIn } from './demo-firm';

const PUBLIC_URL = 'https://chambers.example';
const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000ff';
const CORA_LOGIN = 'cocounsel@outside-counsel.test';

describe('sharing with co-counsel', () => {
  let t: TestApp;
  let demo: DemoFirm;
  const { nextIp, call, rows } = apiCalls(() => t, '10.81');

  const share = (payload: object, session = demo.admin) => call(session, 'POST', '/api/v1/shares', payload);
  const countShares = async () =>
    Number((await rows<{ n: number }>(sql`select count(*)::int as n from shares`))[0]?.n);
  const countJobs = async () =>
    Number((await rows<{ n: number }>(sql`select count(*)::int as n from jobs`))[0]?.n);
  const newMatter = () => makeMatter(t.database.db, demo.firmId, { description: 'Smith v. Jones' });
  const newCoCounsel = (email: string) =>
    makeContact(t.database.db, demo.firmId, { name: 'Nico New', email, isCoCounsel: true });

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL } });
    demo = await seedAndSignIn(t, nextIp);
  });
  afterAll(() => t.close());

  it('shares a matter with co-counsel who has an account: 201, Location, a notice to the login address, audited', async () => {
    const matter = await newMatter();
    // The firm's card may carry another address: firm mail goes to the confirmed login (DESIGN.md).
    await t.database.db.execute(
      sql`update contacts set email = 'cora.card@outside-counsel.test' where id = ${demo.coCounselContactId}`,
    );
    const response = await share(
      { contact_id: demo.coCounselContactId, matter_id: matter.id },
      demo.attorney,
    );
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json().data;
    expect(response.headers.location).toBe(`/api/v1/shares/${created.id}`);
    expect(created).toEqual({
      id: expect.any(String),
      contact: { id: demo.coCounselContactId, name: 'Cora Counsel', email: 'cora.card@outside-counsel.test' },
      resource_type: 'matter',
      matter_id: matter.id,
      folder_id: null,
      document_id: null,
      resource_name: `${matter.number}: Smith v. Jones`,
      created_by: { type: 'user', id: demo.attorney.membership.id, name: 'Ari Attorney' },
      created_at: expect.any(String),
      invitation_sent: false,
      notice_sent: true,
    });
    const { invitation_sent: _i, notice_sent: _n, ...asListed } = created;
    const shown = await call(demo.staff, 'GET', String(response.headers.location));
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data).toEqual(asListed);

    const mails = await deliveredTo(t.app, CORA_LOGIN);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Ari Attorney of Demo Firm LLP shared a matter with you on Chambers');
    expect(mails[0]?.text).toContain(
      `Ari Attorney of Demo Firm LLP shared the matter "${matter.number}: Smith v. Jones" with you.`,
    );
    expect(mails[0]?.text).toContain(`${PUBLIC_URL}/connect/`);
    expect(await deliveredTo(t.app, 'cora.card@outside-counsel.test')).toEqual([]);

    const events = await rows<{ action: string; actor_membership_id: string; details: object }>(
      sql`select action, actor_membership_id, details from audit_events where object_id = ${created.id}`,
    );
    expect(events).toEqual([
      {
        action: 'share.created',
        actor_membership_id: demo.attorney.membership.id,
        details: {
          contact_id: demo.coCounselContactId,
          resource_type: 'matter',
          resource_id: matter.id,
          notice_sent: true,
        },
      },
    ]);
    // Cora can open what the notice names.
    expect((await call(demo.coCounsel, 'GET', `/api/v1/matters/${matter.id}`)).statusCode).toBe(200);
  });

  it('invites a contact without an account on the first share, names the resource, and sends nothing new while the invitation is open', async () => {
    const email = 'nico@new-counsel.test';
    const contact = await newCoCounsel(email);
    const matter = await newMatter();
    const first = await share({ contact_id: contact.id, matter_id: matter.id });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().data).toMatchObject({ invitation_sent: true, notice_sent: false });

    const { mail, link, token } = await invitationTo(t.app, email);
    expect(link).toBe(`${PUBLIC_URL}/connect/invitations/${token}`);
    expect(mail.text).toContain('Hello Nico New,');
    expect(mail.text).toContain(`shared the matter "${matter.number}: Smith v. Jones" with you`);
    const stored = await rows<{
      role: string;
      contact_id: string;
      resource_type: string;
      resource_id: string;
    }>(sql`select role, contact_id, resource_type, resource_id from invitations where email = ${email}`);
    expect(stored).toEqual([
      { role: 'co_counsel', contact_id: contact.id, resource_type: 'matter', resource_id: matter.id },
    ]);
    const preview = await t.app.inject({
      method: 'GET',
      url: `/api/v1/invitations/${token}`,
      remoteAddress: nextIp(),
    });
    expect(preview.json().data).toMatchObject({
      role: 'co_counsel',
      portal: 'connect',
      shared: { type: 'matter', id: matter.id, label: `${matter.number}: Smith v. Jones` },
    });

    // A second share while the invitation is open: no second invitation, no notice.
    const second = await share({ contact_id: contact.id, folder_id: matter.rootFolderId });
    expect(second.json().data).toMatchObject({ invitation_sent: false, notice_sent: false });
    expect(await deliveredTo(t.app, email)).toHaveLength(1);
    expect(await rows(sql`select id from invitations where email = ${email}`)).toHaveLength(1);

    // Accepting makes the account; it sees both shares, and later shares send a notice.
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}`,
      payload: { name: 'Nico New', password: 'correct horse battery staple' },
      remoteAddress: nextIp(),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const nico = sessionFrom(accepted);
    expect(nico.membership.role).toBe('co_counsel');
    expect((await call(nico, 'GET', `/api/v1/matters/${matter.id}`)).statusCode).toBe(200);
    expect((await call(nico, 'GET', `/api/v1/folders/${matter.rootFolderId}`)).statusCode).toBe(200);

    const later = await newMatter();
    const third = await share({ contact_id: contact.id, matter_id: later.id });
    expect(third.json().data).toMatchObject({ invitation_sent: false, notice_sent: true });
    const mails = await deliveredTo(t.app, email);
    expect(mails.map((m) => m.subject)).toContain(
      'Avery Admin of Demo Firm LLP shared a matter with you on Chambers',
    );
  });

  it("stops naming the resource in the invitation's preview once that share is stopped", async () => {
    const email = 'quinn@new-counsel.test';
    const contact = await newCoCounsel(email);
    const matter = await newMatter();
    const { document } = await makeDocument(t.database.db, {
      firmId: demo.firmId,
      matterId: matter.id,
      folderId: matter.rootFolderId,
      uploadedBy: demo.admin.membership.id,
      name: 'Expert report.pdf',
    });
    const created = await share({ contact_id: contact.id, document_id: document.id });
    expect(created.json().data).toMatchObject({ resource_name: 'Expert report.pdf', invitation_sent: true });
    const { token } = await invitationTo(t.app, email);
    const preview = () =>
      t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}`, remoteAddress: nextIp() });
    expect((await preview()).json().data.shared).toEqual({
      type: 'document',
      id: document.id,
      label: 'Expert report.pdf',
    });
    expect((await call(demo.admin, 'DELETE', `/api/v1/shares/${created.json().data.id}`)).statusCode).toBe(
      204,
    );
    expect((await preview()).json().data.shared).toBeNull();
  });

  it('sends no notice when the firm turned notices off, and none to a deactivated account', async () => {
    const off = await call(demo.admin, 'PATCH', '/api/v1/firm', { share_notice_mails: false });
    expect(off.statusCode).toBe(200);
    const before = (await deliveredTo(t.app, CORA_LOGIN)).length;
    const quiet = await share({ contact_id: demo.coCounselContactId, matter_id: (await newMatter()).id });
    expect(quiet.json().data).toMatchObject({ invitation_sent: false, notice_sent: false });
    expect(await deliveredTo(t.app, CORA_LOGIN)).toHaveLength(before);
    expect((await call(demo.admin, 'PATCH', '/api/v1/firm', { share_notice_mails: true })).statusCode).toBe(
      200,
    );

    // An account that was deactivated could not open what a mail would name: no mail, no invitation.
    const email = 'gone@old-counsel.test';
    const contact = await newCoCounsel(email);
    const [identity] = await t.database.db
      .insert(identities)
      .values({ email, name: 'Gone Counsel', passwordHash: 'x' })
      .returning();
    await t.database.db.insert(memberships).values({
      firmId: demo.firmId,
      identityId: identity?.id ?? '',
      role: 'co_counsel',
      contactId: contact.id,
      status: 'deactivated',
    });
    const jobs = await countJobs();
    const silent = await share({ contact_id: contact.id, matter_id: (await newMatter()).id });
    expect(silent.statusCode).toBe(201);
    expect(silent.json().data).toMatchObject({ invitation_sent: false, notice_sent: false });
    expect(await countJobs()).toBe(jobs);
  });

  it('refuses a body without exactly one resource, unknown fields and malformed ids (400), writing nothing', async () => {
    const matter = await newMatter();
    const contact_id = demo.coCounselContactId;
    const before = await countShares();
    for (const payload of [
      { contact_id },
      { contact_id, matter_id: matter.id, folder_id: matter.rootFolderId },
      { contact_id, matter_id: matter.id, folder_id: matter.rootFolderId, document_id: UNKNOWN_ID },
      { matter_id: matter.id },
      { matter_id: matter.id, folder_id: matter.rootFolderId },
      { contact_id, matter_id: matter.id, firm_id: demo.otherFirmId },
      { contact_id, resource_type: 'matter' },
      { contact_id, matter_id: 'not-a-uuid' },
      { contact_id, matter_id: null },
    ]) {
      const response = await share(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await countShares()).toBe(before);
  });

  it('refuses a contact that cannot be shared with, naming /contact_id (422), writing nothing', async () => {
    const matter = await newMatter();
    const db = t.database.db;
    const notCoCounsel = await makeContact(db, demo.firmId, { isCoCounsel: false });
    const noEmail = await makeContact(db, demo.firmId, { isCoCounsel: true, email: null, emails: [] });
    const otherFirms = await makeContact(db, demo.otherFirmId, { isCoCounsel: true });
    const before = await countShares();
    const jobs = await countJobs();
    for (const contactId of [notCoCounsel.id, noEmail.id, otherFirms.id, UNKNOWN_ID]) {
      const response = await share({ contact_id: contactId, matter_id: matter.id });
      expect(response.statusCode, contactId).toBe(422);
      expect(errorPaths(response)).toBe('/contact_id');
    }
    expect(await countShares()).toBe(before);
    expect(await countJobs()).toBe(jobs);
  });

  it('refuses a resource the caller cannot see, or a deleted document, naming its path (422)', async () => {
    const db = t.database.db;
    const own = await newMatter();
    const other = await makeMatter(db, demo.otherFirmId);
    const deleted = await makeDocument(db, {
      firmId: demo.firmId,
      matterId: own.id,
      folderId: own.rootFolderId,
      uploadedBy: demo.admin.membership.id,
      name: 'Withdrawn.pdf',
      deletedAt: new Date(),
    });
    const contact_id = demo.coCounselContactId;
    const before = await countShares();
    for (const [payload, path] of [
      [{ contact_id, matter_id: other.id }, '/matter_id'],
      [{ contact_id, folder_id: other.rootFolderId }, '/folder_id'],
      [{ contact_id, document_id: UNKNOWN_ID }, '/document_id'],
      [{ contact_id, document_id: deleted.document.id }, '/document_id'],
    ] as const) {
      const response = await share(payload);
      expect(response.statusCode, path).toBe(422);
      expect(errorPaths(response)).toBe(path);
    }
    // Both wrong at once: both named.
    const both = await share({ contact_id: UNKNOWN_ID, matter_id: other.id });
    expect(errorPaths(both)).toBe('/contact_id /matter_id');
    expect(await countShares()).toBe(before);
  });

  it('refuses sharing the same resource with the same contact twice (409)', async () => {
    const matter = await newMatter();
    const payload = { contact_id: demo.coCounselContactId, folder_id: matter.rootFolderId };
    expect((await share(payload)).statusCode).toBe(201);
    const jobs = await countJobs();
    const again = await share(payload, demo.staff);
    expect(again.statusCode).toBe(409);
    expect(await countJobs()).toBe(jobs);
    // Two requests at once: one share, the other told it exists.
    const racing = await newMatter();
    const answers = await Promise.all(
      [demo.admin, demo.attorney].map((session) =>
        share({ contact_id: demo.coCounselContactId, matter_id: racing.id }, session),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
  });

  it('is for firm users only: co-counsel and the other firm cannot share the demo firm’s things', async () => {
    const matter = await newMatter();
    const before = await countShares();
    const byCoCounsel = await share(
      { contact_id: demo.coCounselContactId, matter_id: matter.id },
      demo.coCounsel,
    );
    expect(byCoCounsel.statusCode).toBe(404);
    const byOtherFirm = await share(
      { contact_id: demo.coCounselContactId, matter_id: matter.id },
      demo.otherAdmin,
    );
    expect(byOtherFirm.statusCode).toBe(422);
    expect(errorPaths(byOtherFirm)).toBe('/contact_id /matter_id');
    expect(await countShares()).toBe(before);
  });
});
