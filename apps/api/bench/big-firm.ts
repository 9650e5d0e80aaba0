import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/database';
import { firms } from '../src/db/schema/firms';
import { identities } from '../src/db/schema/identities';
import { memberships } from '../src/db/schema/memberships';
import { shares } from '../src/db/schema/shares';
import { hashPassword } from '../src/lib/password';

export const MATTERS = 10_000;
export const TIME_ENTRIES = 1_000_000;
const CLIENTS = 1_000;
const BATCH = 100_000;

/** What the list benchmark needs to know about the firm it seeded. */
export interface BigFirm {
  firmId: string;
  email: string;
  password: string;
  /** The matter whose page 199 of 200 starts after it (cursor). */
  deepMatterId: string;
  deepActivityId: string;
  /** A matter with 100 time entries. */
  busyMatterId: string;
}

/**
 * A sortable UUID per (kind, n), made in SQL so a million rows insert in seconds: the first 48 bits
 * grow with `n` like a UUIDv7's clock, so `order by id` follows `n` as it does for real rows.
 */
const benchUuid = (kind: number, n: number | ReturnType<typeof sql>) => sql`(
  substr(lpad(to_hex(1750000000000 + ${n}), 12, '0'), 1, 8) || '-' ||
  substr(lpad(to_hex(1750000000000 + ${n}), 12, '0'), 9, 4) || '-7' ||
  lpad(to_hex(${kind}::int), 3, '0') || '-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/** The id `benchUuid` gives row `n` of `kind`, computed the same way in JavaScript. */
function benchUuidOf(kind: number, n: number): string {
  const clock = (1750000000000 + n).toString(16).padStart(12, '0');
  return `${clock.slice(0, 8)}-${clock.slice(8, 12)}-7${kind.toString(16).padStart(3, '0')}-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Seeds one firm with 1,000 clients, 10,000 matters and 1,000,000 time entries (100 per matter). */
export async function seedBigFirm(database: Database): Promise<BigFirm> {
  const { db } = database;
  const email = 'bench@big-firm.test';
  const password = 'bench-password-1';
  const [firm] = await db.insert(firms).values({ name: 'Big Firm LLP', matterCounter: MATTERS }).returning();
  const [identity] = await db
    .insert(identities)
    .values({ email, name: 'Bench Admin', passwordHash: await hashPassword(password) })
    .returning();
  const [membership] = await db
    .insert(memberships)
    .values({ firmId: firm?.id ?? '', identityId: identity?.id ?? '', role: 'admin' })
    .returning();
  const firmId = firm?.id ?? '';
  const membershipId = membership?.id ?? '';
  const n = sql.raw('n');

  await db.execute(sql`
    insert into contacts (id, firm_id, name, email, emails, is_client)
    select ${benchUuid(1, n)}, ${firmId}::uuid, 'Client ' || n, 'client' || n || '@bench.test', '[]'::jsonb, true
      from generate_series(0, ${CLIENTS - 1}::int) as n`);
  await db.execute(sql`
    insert into matters (id, firm_id, number, description, client_id, responsible_attorney_id, status,
                         open_date, billing_method, rate)
    select ${benchUuid(2, n)}, ${firmId}::uuid, lpad(n::text, 5, '0'), 'Bench matter ' || n,
           ${benchUuid(1, sql`(n % ${CLIENTS}::int)`)}, ${membershipId}::uuid,
           (array['open', 'pending', 'closed'])[1 + n % 3]::matter_status,
           date '2025-01-01' + (n % 365)::int, 'hourly', 30000
      from generate_series(0, ${MATTERS - 1}::int) as n`);
  for (let start = 0; start < TIME_ENTRIES; start += BATCH) {
    await db.execute(sql`
      insert into activities (id, firm_id, matter_id, date, duration_seconds, description, rate, amount,
                              author_membership_id)
      select ${benchUuid(3, n)}, ${firmId}::uuid, ${benchUuid(2, sql`(n % ${MATTERS}::int)`)},
             date '2025-01-01' + (n % 300)::int, 1800, 'Bench entry ' || n, 30000, 15000, ${membershipId}::uuid
        from generate_series(${start}::int, ${Math.min(start + BATCH, TIME_ENTRIES) - 1}::int) as n`);
  }
  await db.execute(sql`analyze`);
  return {
    firmId,
    email,
    password,
    deepMatterId: benchUuidOf(2, MATTERS - 101),
    deepActivityId: benchUuidOf(3, TIME_ENTRIES - 101),
    busyMatterId: benchUuidOf(2, 42),
  };
}

/** How big the documents firm is: full size on PostgreSQL, a tenth of it on PGlite. */
export interface DocumentFirmSize {
  matters: number;
  documents: number;
  shares: number;
  coCounselContacts: number;
}
export const FULL_DOCUMENT_FIRM: DocumentFirmSize = {
  matters: 10_000,
  documents: 1_000_000,
  shares: 10_000,
  coCounselContacts: 1_000,
};
export const SMALL_DOCUMENT_FIRM: DocumentFirmSize = {
  matters: 1_000,
  documents: 100_000,
  shares: 1_000,
  coCounselContacts: 100,
};

/** Each matter's tree: root 0; folders 1–3 under it; 4–9 under 1–3 in turn (so 1 holds 1, 4, 7). */
const FOLDERS_PER_MATTER = 10;
const subtreeOf = (k: number) =>
  k === 0 ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] : k <= 3 ? [k, k + 3, k + 6] : [k];
/** The measured co-counsel's folder shares as (matter, folder): two whole matters, eight sub-trees. */
const SHARED_FOLDERS: [number, number][] = [
  [7, 0],
  [8, 0],
  [17, 1],
  [27, 2],
  [37, 3],
  [47, 4],
  [57, 5],
  [67, 6],
  [77, 9],
  [87, 1],
];
/** Its matter shares (they show no documents, but are part of a realistic handful of shares). */
const SHARED_MATTERS = [101, 202, 303, 404, 505];
/** Its document shares, as fractions of the way through the firm's documents. */
const SHARED_DOCUMENTS = [0.123457, 0.234567, 0.345679, 0.456791, 0.567893];
/** Documents it uploaded itself: this many, spread evenly. */
const UPLOADS = 40;
const BENCH_PASSWORD = 'bench-password-1';

/** What the co-counsel documents benchmark needs to know about the firm it seeded. */
export interface DocumentFirm {
  size: DocumentFirmSize;
  admin: { email: string; password: string };
  coCounsel: { email: string; password: string };
  /** Every document the measured co-counsel may see, in id order (the list's order). */
  visibleDocumentIds: string[];
  /** The document whose page 19,999 of 20,000 (at full size) starts after it. */
  deepDocumentId: string;
}

/**
 * A firm with `size.documents` documents in ten folders per matter (a hundred per matter, spread
 * over the whole id range as real uploads would be), one version each, `size.shares` shares over
 * `size.coCounselContacts` co-counsel, and conversations with attachments. The measured co-counsel
 * (co-counsel contact 0, with a membership) holds twenty shares: five matters, ten folders (two of
 * them matter roots), five documents; it uploaded forty documents and takes part in three
 * conversations. Rows are made with `generate_series`: a million documents in well under a minute.
 */
export async function seedDocumentFirm(database: Database, size: DocumentFirmSize): Promise<DocumentFirm> {
  const { db } = database;
  const { matters: m, documents: d, coCounselContacts: c } = size;
  const folderCount = m * FOLDERS_PER_MATTER;
  const uploadStride = Math.floor(d / UPLOADS);
  const admin = { email: 'admin@document-firm.test', password: BENCH_PASSWORD };
  const coCounsel = { email: 'cocounsel@document-firm.test', password: BENCH_PASSWORD };
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const [firm] = await db.insert(firms).values({ name: 'Document Firm LLP', matterCounter: m }).returning();
  const firmId = firm?.id ?? '';
  const people = await db
    .insert(identities)
    .values([
      { email: admin.email, name: 'Bench Admin', passwordHash },
      { email: coCounsel.email, name: 'Bench Co-counsel', passwordHash },
    ])
    .returning();
  const identityOf = (email: string) => people.find((person) => person.email === email)?.id ?? '';
  const n = sql.raw('n');
  await db.execute(sql`
    insert into contacts (id, firm_id, name, email, emails, is_client, is_co_counsel)
    select ${benchUuid(11, n)}, ${firmId}::uuid, 'Party ' || n, 'party' || n || '@document-firm.test', '[]'::jsonb,
           n % 2 = 0, n % 2 = 1
      from generate_series(0, ${2 * c - 1}::int) as n`);
  // Contact 2i + 1 is co-counsel i; co-counsel 0 is the one measured.
  const coCounselContact = (i: number | ReturnType<typeof sql>) => benchUuid(11, sql`(2 * ${i} + 1)`);
  const accounts = await db
    .insert(memberships)
    .values([
      { firmId, identityId: identityOf(admin.email), role: 'admin' },
      { firmId, identityId: identityOf(coCounsel.email), role: 'co_counsel', contactId: benchUuidOf(11, 1) },
    ])
    .returning();
  const adminId = accounts.find((account) => account.role === 'admin')?.id ?? '';
  const coCounselId = accounts.find((account) => account.role === 'co_counsel')?.id ?? '';
  const uploader = sql`case when ${n} % ${uploadStride}::int = 0 then ${coCounselId}::uuid else ${adminId}::uuid end`;

  await db.execute(sql`
    insert into matters (id, firm_id, number, description, client_id, status, open_date, billing_method)
    select ${benchUuid(13, n)}, ${firmId}::uuid, lpad(n::text, 5, '0'), 'Document matter ' || n,
           ${benchUuid(11, sql`(2 * (n % ${c}::int))`)}, 'open', date '2025-01-01' + (n % 365)::int, 'hourly'
      from generate_series(0, ${m - 1}::int) as n`);
  await db.execute(sql`
    insert into folders (id, firm_id, matter_id, parent_id, name)
    select ${benchUuid(14, n)}, ${firmId}::uuid, ${benchUuid(13, sql`(n / 10)`)},
           case when n % 10 = 0 then null
                when n % 10 <= 3 then ${benchUuid(14, sql`(n - n % 10)`)}
                else ${benchUuid(14, sql`(n - n % 10 + (n % 10 - 4) % 3 + 1)`)} end,
           case when n % 10 = 0 then 'Documents' else 'Folder ' || n % 10 end
      from generate_series(0, ${folderCount - 1}::int) as n`);
  // Document n belongs to matter n % m, in folder (n / m) % 10 of it.
  for (let start = 0; start < d; start += BATCH) {
    const end = Math.min(start + BATCH, d) - 1;
    await db.execute(sql`
      insert into documents (id, firm_id, matter_id, folder_id, name, current_version_id, uploaded_by_membership_id)
      select ${benchUuid(15, n)}, ${firmId}::uuid, ${benchUuid(13, sql`(n % ${m}::int)`)},
             ${benchUuid(14, sql`((n % ${m}::int) * 10 + (n / ${m}::int) % 10)`)}, 'Document ' || n || '.pdf',
             ${benchUuid(16, n)}, ${uploader}
        from generate_series(${start}::int, ${end}::int) as n`);
    await db.execute(sql`
      insert into document_versions (id, firm_id, document_id, number, status, blob_key, size, sha256,
                                     content_type, file_name, uploaded_by_membership_id, available_at)
      select ${benchUuid(16, n)}, ${firmId}::uuid, ${benchUuid(15, n)}, 1, 'available', 'bench/' || n,
             1000 + n % 1000, repeat('0', 64), 'application/pdf', 'Document ' || n || '.pdf', ${uploader}, now()
        from generate_series(${start}::int, ${end}::int) as n`);
  }

  // Everyone else's shares: co-counsel 1 … c-1 in turn, a matter, a folder or a document.
  const others = size.shares - SHARED_MATTERS.length - SHARED_FOLDERS.length - SHARED_DOCUMENTS.length;
  await db.execute(sql`
    insert into shares (id, firm_id, contact_id, resource_type, matter_id, folder_id, document_id,
                        created_by_membership_id)
    select ${benchUuid(17, n)}, ${firmId}::uuid, ${coCounselContact(sql`(1 + n % ${c - 1}::int)`)},
           (array['matter', 'folder', 'document'])[1 + n % 3]::share_resource_type,
           case when n % 3 = 0 then ${benchUuid(13, sql`(n * 7 % ${m}::int)`)} end,
           case when n % 3 = 1 then ${benchUuid(14, sql`(n * 13 % ${folderCount}::int)`)} end,
           case when n % 3 = 2 then ${benchUuid(15, sql`(n * 31 % ${d}::int)`)} end,
           ${adminId}::uuid
      from generate_series(0, ${others - 1}::int) as n`);
  const sharedDocuments = SHARED_DOCUMENTS.map((fraction) => Math.floor(fraction * d));
  const share = (i: number) => ({
    id: benchUuidOf(17, others + i),
    firmId,
    contactId: benchUuidOf(11, 1),
    createdByMembershipId: adminId,
  });
  await db.insert(shares).values([
    ...SHARED_MATTERS.map((matter, i) => ({
      ...share(i),
      resourceType: 'matter' as const,
      matterId: benchUuidOf(13, matter),
    })),
    ...SHARED_FOLDERS.map(([matter, k], i) => ({
      ...share(SHARED_MATTERS.length + i),
      resourceType: 'folder' as const,
      folderId: benchUuidOf(14, matter * FOLDERS_PER_MATTER + k),
    })),
    ...sharedDocuments.map((document, i) => ({
      ...share(SHARED_MATTERS.length + SHARED_FOLDERS.length + i),
      resourceType: 'document' as const,
      documentId: benchUuidOf(15, document),
    })),
  ]);

  // Conversations: three per co-counsel (conversation n has co-counsel n % c), one message with
  // two attachments each.
  const conversationCount = 3 * c;
  const attached = (i: number) => [(i * 37) % d, (i * 37 + 1) % d];
  await db.execute(sql`
    insert into conversations (id, firm_id, subject, created_by_membership_id)
    select ${benchUuid(18, n)}, ${firmId}::uuid, 'Conversation ' || n, ${adminId}::uuid
      from generate_series(0, ${conversationCount - 1}::int) as n`);
  await db.execute(sql`
    insert into conversation_participants (id, firm_id, conversation_id, contact_id)
    select ${benchUuid(19, n)}, ${firmId}::uuid, ${benchUuid(18, n)}, ${coCounselContact(sql`(n % ${c}::int)`)}
      from generate_series(0, ${conversationCount - 1}::int) as n`);
  await db.execute(sql`
    insert into messages (id, firm_id, conversation_id, author_membership_id, body)
    select ${benchUuid(20, n)}, ${firmId}::uuid, ${benchUuid(18, n)}, ${adminId}::uuid, 'See attached.'
      from generate_series(0, ${conversationCount - 1}::int) as n`);
  await db.execute(sql`
    insert into message_attachments (firm_id, message_id, document_id)
    select ${firmId}::uuid, ${benchUuid(20, sql`(n / 2)`)}, ${benchUuid(15, sql`((n / 2) * 37 % ${d}::int + n % 2)`)}
      from generate_series(0, ${2 * conversationCount - 1}::int) as n`);
  // Vacuumed as autovacuum would have long since done, so index-only scans skip the heap.
  await db.execute(sql`vacuum analyze`);

  // What co-counsel 0 must see, worked out from the layout above.
  const visible = new Set<number>(sharedDocuments);
  for (const [matter, k] of SHARED_FOLDERS) {
    const folders = subtreeOf(k);
    for (let j = 0; j < d / m; j += 1) if (folders.includes(j % 10)) visible.add(matter + m * j);
  }
  for (let document = 0; document < d; document += uploadStride) visible.add(document);
  for (const conversation of [0, c, 2 * c])
    for (const document of attached(conversation)) visible.add(document);
  return {
    size,
    admin,
    coCounsel,
    visibleDocumentIds: [...visible].sort((a, b) => a - b).map((document) => benchUuidOf(15, document)),
    deepDocumentId: benchUuidOf(15, d - 101),
  };
}
