import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database';
import { runMigrations } from '../../src/db/migrate';
import { verifyPassword } from '../../src/lib/password';
import { DEMO_PASSWORD, demoPeople, seedDemoFirm } from '../../src/seed/demo-firm';
import { DEMO_PORTAL_NAME } from '../../src/seed/demo-portal';
import type { BlobStore } from '../../src/storage/blob-store';
import { createBlobStore } from '../../src/storage/create-blob-store';
import { hashStream } from '../support/random-stream';
import { createTestDatabase } from '../support/test-database';

describe('migrations and the demo seed', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('creates the first tables, and running the migrator again changes nothing', async () => {
    await runMigrations(database);
    const result = await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map(
      (row) => row.table_name,
    );
    expect(tables).toEqual(
      expect.arrayContaining(['firms', 'identities', 'memberships', 'jobs', 'dev_mail']),
    );
  });

  it('seeds the demo firms once: every role, externals as contacts, one identity in two firms', async () => {
    expect(await seedDemoFirm(database.db)).toBe(true);
    expect(await seedDemoFirm(database.db)).toBe(false);
    const result = await database.db.execute(sql`
      select i.email, i.password_hash, m.role, c.email as contact_email
        from identities i
        join memberships m on m.identity_id = i.id
        left join contacts c on c.id = m.contact_id and c.firm_id = m.firm_id
       order by i.email`);
    type Row = { email: string; password_hash: string; role: string; contact_email: string | null };
    const rows = (result as unknown as { rows: Row[] }).rows;
    expect(rows).toHaveLength(demoPeople.flatMap((person) => person.accounts).length);
    expect(new Set(rows.map((row) => row.role))).toEqual(
      new Set(['admin', 'attorney', 'staff', 'co_counsel', 'client']),
    );
    for (const row of rows) {
      const external = row.role === 'co_counsel' || row.role === 'client';
      expect(row.contact_email, row.email).toBe(external ? row.email : null);
    }
    const morgan = rows.filter((row) => row.email === 'morgan@demo-firm.test').map((row) => row.role);
    expect(morgan.sort()).toEqual(['attorney', 'co_counsel']);
    const admin = rows.find((row) => row.email === 'admin@demo-firm.test');
    expect(admin?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(admin?.password_hash ?? '', DEMO_PASSWORD)).toBe(true);
  });

  it('refuses a second identity with the same email in another case', async () => {
    await expect(
      database.db.execute(sql`insert into identities (id, email, name) values
        ('0190a000-0000-7000-8000-000000000001', 'ADMIN@demo-firm.test', 'Dup')`),
    ).rejects.toThrow();
  });

  it('seeds a living practice when asked: matters in every status, and bills that add up', async () => {
    const practice = await createTestDatabase();
    try {
      expect(await seedDemoFirm(practice.db, { practice: true })).toBe(true);
      const rows = async <T>(query: ReturnType<typeof sql>) =>
        ((await practice.db.execute(query)) as unknown as { rows: T[] }).rows;
      const matters = await rows<{ firm: string; status: string; n: number }>(sql`
        select f.name as firm, m.status, count(*)::int as n from matters m join firms f on f.id = m.firm_id
         group by f.name, m.status order by f.name, m.status`);
      const demo = matters.filter((row) => row.firm === 'Demo Firm LLP');
      expect(demo.map((row) => row.status)).toEqual(['open', 'pending', 'closed']);
      expect(demo.reduce((sum, row) => sum + row.n, 0)).toBe(12);
      const [counters] = await rows<{ matter_counter: number; numbers: number }>(sql`
        select f.matter_counter, (select count(*)::int from matters m where m.firm_id = f.id) as numbers
          from firms f where f.name = 'Demo Firm LLP'`);
      expect(counters?.matter_counter).toBe(counters?.numbers);
      for (const table of ['notes', 'communications', 'calendar_entries', 'tasks', 'activities']) {
        const [count] = await rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
        expect(count?.n, table).toBeGreaterThan(3);
      }
      const bills = await rows<{ status: string; total: number; lines: number; entries: number }>(sql`
        select b.status, b.total,
               (select sum(amount)::int from bill_line_items l where l.bill_id = b.id) as lines,
               (select coalesce(sum(amount), 0)::int from activities a where a.bill_id = b.id) as entries
          from bills b order by b.number`);
      expect(bills.map((bill) => bill.status)).toEqual(['paid', 'issued', 'draft']);
      for (const bill of bills) {
        expect(bill.total).toBeGreaterThan(0);
        expect(bill.lines).toBe(bill.total);
        expect(bill.entries).toBe(bill.total);
      }
      const [upcoming] = await rows<{ n: number }>(
        sql`select count(*)::int as n from calendar_entries where starts_at > now()`,
      );
      expect(upcoming?.n).toBeGreaterThan(0);

      // Shared with the demo co-counsel, blobs or not: two matters and a folder, and a conversation.
      const shared = await rows<{ resource_type: string; name: string }>(sql`
        select s.resource_type, coalesce(m.description, f.name) as name
          from shares s join contacts c on c.id = s.contact_id
          left join matters m on m.id = s.matter_id left join folders f on f.id = s.folder_id
         where c.email = 'cocounsel@outside-counsel.test' order by s.resource_type, name`);
      expect(shared).toEqual([
        { resource_type: 'matter', name: 'Client v. Acme Corp — breach of supply contract' },
        { resource_type: 'matter', name: 'Whitfield v. Metro Transit — personal injury' },
        { resource_type: 'folder', name: 'Pleadings' },
      ]);
      const [conversation] = await rows<{ participants: number; messages: number }>(sql`
        select (select count(*)::int from conversation_participants p where p.conversation_id = c.id) as participants,
               (select count(*)::int from messages m where m.conversation_id = c.id) as messages
          from conversations c where c.kind = 'conversation'`);
      expect(conversation).toEqual({ participants: 2, messages: 3 });

      // The demo client's portal on the lawsuit: the attorney and the client, messages both ways,
      // the Pleadings folder shared (without blobs there are no documents to share or attach).
      const portals = await rows<{ name: string; matter: string; client_is_matter_client: boolean }>(sql`
        select c.subject as name, m.description as matter,
               exists (select 1 from conversation_participants p
                        where p.conversation_id = c.id and p.contact_id = m.client_id) as client_is_matter_client
          from conversations c join matters m on m.id = c.matter_id where c.kind = 'portal'`);
      expect(portals).toEqual([
        {
          name: DEMO_PORTAL_NAME,
          matter: 'Client v. Acme Corp — breach of supply contract',
          client_is_matter_client: true,
        },
      ]);
      expect(await portalPeople(rows)).toEqual(['attorney@demo-firm.test', 'client@client.test']);
      expect(await portalAuthors(rows)).toEqual([
        'attorney@demo-firm.test',
        'client@client.test',
        'attorney@demo-firm.test',
      ]);
      expect(await portalShared(rows)).toEqual([{ resource_type: 'folder', name: 'Pleadings' }]);
    } finally {
      await practice.close();
    }
  });

  it('stores demo documents when given a blob store: folders, PDFs and images whose blobs match their rows', async () => {
    const practice = await createTestDatabase();
    const blobDir = await mkdtemp(join(tmpdir(), 'chambers-seed-blobs-'));
    const blobs = createBlobStore({ driver: 'disk', diskPath: blobDir });
    try {
      expect(await seedDemoFirm(practice.db, { practice: true, blobs })).toBe(true);
      const rows = async <T>(query: ReturnType<typeof sql>) =>
        ((await practice.db.execute(query)) as unknown as { rows: T[] }).rows;
      const folders = await rows<{ name: string; parent: string }>(sql`
        select f.name, p.name as parent from folders f join folders p on p.id = f.parent_id order by f.name`);
      expect(folders).toEqual(
        expect.arrayContaining([
          { name: 'Pleadings', parent: 'Documents' },
          { name: 'Correspondence', parent: 'Documents' },
          { name: 'Photos', parent: 'Evidence' },
        ]),
      );
      type Version = {
        name: string;
        number: number;
        current: boolean;
        status: string;
        blob_key: string;
        size: string | number;
        sha256: string;
        content_type: string;
      };
      const versions = await rows<Version>(sql`
        select d.name, v.number, v.id = d.current_version_id as current, v.status, v.blob_key, v.size,
               v.sha256, v.content_type
          from document_versions v join documents d on d.id = v.document_id order by d.name, v.number`);
      const types = new Set(versions.map((version) => version.content_type));
      expect(types).toEqual(new Set(['application/pdf', 'image/png', 'image/jpeg']));
      expect(versions.filter((version) => version.number === 2).map((version) => version.name)).toEqual([
        'Complaint.pdf',
      ]);
      const [documents] = await rows<{ n: number; visible: number; matters: number }>(sql`
        select count(*)::int as n, count(current_version_id)::int as visible,
               count(distinct matter_id)::int as matters from documents`);
      expect(documents?.visible).toBe(documents?.n);
      expect(documents?.matters).toBeGreaterThan(1);

      for (const version of versions) {
        expect(version.status, version.name).toBe('available');
        const stored = await hashStream(await blobs.get(version.blob_key));
        expect(stored, version.name).toEqual({ size: Number(version.size), sha256: version.sha256 });
        const head = await readHead(blobs, version.blob_key);
        if (version.content_type === 'application/pdf') {
          expect(head.subarray(0, 5).toString('latin1'), version.name).toBe('%PDF-');
        }
        expect((await fileTypeFromBuffer(head))?.mime, version.name).toBe(version.content_type);
      }
      // With blobs the portal also shares the letter to Acme and the client's upload, attached to its message.
      expect(await portalShared(rows)).toEqual([
        { resource_type: 'folder', name: 'Pleadings' },
        { resource_type: 'document', name: 'Acme delivery schedule (January).pdf' },
        { resource_type: 'document', name: 'Letter to Acme re cure period.pdf' },
      ]);
      const attached = await rows<{ author: string; document: string; folder: string; uploader: string }>(sql`
        select ai.email as author, d.name as document, f.name as folder, ui.email as uploader
          from message_attachments a
          join messages msg on msg.id = a.message_id
          join conversations c on c.id = msg.conversation_id and c.kind = 'portal'
          join memberships am on am.id = msg.author_membership_id join identities ai on ai.id = am.identity_id
          join documents d on d.id = a.document_id join folders f on f.id = d.folder_id
          join memberships um on um.id = d.uploaded_by_membership_id join identities ui on ui.id = um.identity_id`);
      expect(attached).toEqual([
        {
          author: 'client@client.test',
          document: 'Acme delivery schedule (January).pdf',
          folder: 'Portal uploads',
          uploader: 'client@client.test',
        },
      ]);
      const [reservations] = await rows<{ n: number }>(sql`select count(*)::int as n from blob_reservations`);
      expect(reservations?.n).toBe(0);
    } finally {
      await practice.close();
      await rm(blobDir, { recursive: true, force: true });
    }
  });
});

type Rows = <T>(query: ReturnType<typeof sql>) => Promise<T[]>;

/** Who takes part in the demo portal: firm users by their login, contacts by their card's email. */
async function portalPeople(rows: Rows): Promise<string[]> {
  const people = await rows<{ email: string }>(sql`
    select coalesce(i.email, c.email) as email
      from conversation_participants p join conversations v on v.id = p.conversation_id and v.kind = 'portal'
      left join memberships m on m.id = p.membership_id left join identities i on i.id = m.identity_id
      left join contacts c on c.id = p.contact_id`);
  return people.map((person) => person.email).sort();
}

/** The logins of the demo portal's message authors, oldest message first. */
async function portalAuthors(rows: Rows): Promise<string[]> {
  const authors = await rows<{ email: string }>(sql`
    select i.email from messages msg join conversations v on v.id = msg.conversation_id and v.kind = 'portal'
      join memberships m on m.id = msg.author_membership_id join identities i on i.id = m.identity_id
     order by msg.created_at`);
  return authors.map((author) => author.email);
}

/** What is shared into the demo portal, folders first (the enum's order), by name. */
function portalShared(rows: Rows) {
  return rows<{ resource_type: string; name: string }>(sql`
    select r.resource_type, coalesce(f.name, d.name) as name
      from portal_shared_resources r
      left join folders f on f.id = r.folder_id left join documents d on d.id = r.document_id
     order by r.resource_type, name`);
}

/** The first bytes of a blob, enough for the magic-byte sniffing. */
async function readHead(blobs: BlobStore, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await blobs.get(key, { start: 0, end: 4099 })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
