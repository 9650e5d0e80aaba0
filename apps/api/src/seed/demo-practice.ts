import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database';
import { activities } from '../db/schema/activities';
import { billLineItems, bills } from '../db/schema/bills';
import { calendarAttendees, calendarEntries } from '../db/schema/calendar';
import { communicationParticipants, communications } from '../db/schema/communications';
import { contacts } from '../db/schema/contacts';
import { firms } from '../db/schema/firms';
import { matterContacts, matters } from '../db/schema/matters';
import { notes } from '../db/schema/notes';
import { tasks } from '../db/schema/tasks';
import { startOfDay } from '../lib/zoned-time';
import { amountOf } from '../modules/activities/rates';
import { createRootFolder } from '../modules/folders/root-folder';
import type { BlobStore } from '../storage/blob-store';
import { seedDemoDocuments, seedDemoFolders } from './demo-documents';
import { seedDemoPortal } from './demo-portal';
import { seedDemoSharing } from './demo-sharing';

/** What the people seed made, keyed `firm:email`, for the practice seed to hang records on. */
export interface DemoAccounts {
  firmIds: { demo: string; second: string };
  memberships: Record<string, string>;
  contacts: Record<string, string>;
}

const DAY_MS = 86_400_000;
/** A date `offset` days from today (UTC), as `YYYY-MM-DD`. */
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
/** An instant `offset` days from today at `hourUtc` o'clock UTC (14:00 UTC is 9 or 10 am in New York). */
const at = (offset: number, hourUtc: number, minute = 0) => {
  const instant = new Date(`${day(offset)}T00:00:00.000Z`);
  instant.setUTCHours(hourUtc, minute);
  return instant;
};
const NEW_YORK = 'America/New_York';

type Billing = 'hourly' | 'flat_fee' | 'contingency';
type Status = 'open' | 'pending' | 'closed';

/** The demo firm's clients and other contacts (besides the externals who sign in). */
const demoContacts = [
  {
    key: 'northwind',
    kind: 'company',
    name: 'Northwind Traders Inc.',
    email: 'legal@northwind.test',
    client: true,
  },
  { key: 'raman', kind: 'person', first: 'Priya', last: 'Raman', email: 'priya@raman.test', client: true },
  {
    key: 'blueharbor',
    kind: 'company',
    name: 'Blue Harbor Logistics LLC',
    email: 'ops@blueharbor.test',
    client: true,
  },
  {
    key: 'whitfield',
    kind: 'person',
    first: 'Jonas',
    last: 'Whitfield',
    email: 'jonas@whitfield.test',
    client: true,
  },
  {
    key: 'castillo',
    kind: 'person',
    first: 'Elena',
    last: 'Castillo',
    email: 'elena@castillo.test',
    client: true,
  },
  {
    key: 'maple',
    kind: 'company',
    name: 'Maple Street Bakery LLC',
    email: 'hello@maplebakery.test',
    client: true,
  },
  {
    key: 'tanaka',
    kind: 'person',
    first: 'Hiroshi',
    last: 'Tanaka',
    email: 'hiroshi@tanaka.test',
    client: true,
  },
  {
    key: 'lindqvist',
    kind: 'person',
    first: 'Greta',
    last: 'Lindqvist',
    email: 'greta@lindqvist-moss.test',
    company: 'Lindqvist & Moss',
    title: 'Partner',
  },
  {
    key: 'haddad',
    kind: 'person',
    first: 'Omar',
    last: 'Haddad',
    email: 'o.haddad@forensics.test',
    title: 'Forensic accountant',
  },
] as const;

/** Twelve matters across statuses, practice areas and billing methods. `client` keys a contact. */
const demoMatters: ReadonlyArray<{
  client: string;
  description: string;
  area: string;
  status: Status;
  billing: Billing;
  rate: number | null;
  lead: 'attorney' | 'admin' | 'morgan';
  opened: number;
  closed?: number;
}> = [
  {
    client: 'cliff',
    description: 'Client v. Acme Corp — breach of supply contract',
    area: 'Litigation',
    status: 'open',
    billing: 'hourly',
    rate: 35000,
    lead: 'attorney',
    opened: -120,
  },
  {
    client: 'northwind',
    description: 'Northwind Traders — supplier agreement review',
    area: 'Corporate',
    status: 'open',
    billing: 'hourly',
    rate: 32000,
    lead: 'admin',
    opened: -60,
  },
  {
    client: 'raman',
    description: 'Raman estate plan',
    area: 'Estate Planning',
    status: 'open',
    billing: 'flat_fee',
    rate: null,
    lead: 'morgan',
    opened: -30,
  },
  {
    client: 'blueharbor',
    description: 'Blue Harbor Logistics — warehouse lease',
    area: 'Real Estate',
    status: 'pending',
    billing: 'hourly',
    rate: 30000,
    lead: 'attorney',
    opened: -14,
  },
  {
    client: 'whitfield',
    description: 'Whitfield v. Metro Transit — personal injury',
    area: 'Personal Injury',
    status: 'open',
    billing: 'contingency',
    rate: null,
    lead: 'attorney',
    opened: -200,
  },
  {
    client: 'castillo',
    description: 'Castillo — H-1B petition',
    area: 'Immigration',
    status: 'open',
    billing: 'flat_fee',
    rate: null,
    lead: 'morgan',
    opened: -45,
  },
  {
    client: 'maple',
    description: 'Maple Street Bakery — trademark registration',
    area: 'Intellectual Property',
    status: 'closed',
    billing: 'hourly',
    rate: 28000,
    lead: 'admin',
    opened: -300,
    closed: -40,
  },
  {
    client: 'tanaka',
    description: 'Tanaka — dissolution of marriage',
    area: 'Family',
    status: 'open',
    billing: 'hourly',
    rate: 30000,
    lead: 'morgan',
    opened: -90,
  },
  {
    client: 'northwind',
    description: 'Northwind Traders — employment dispute (Reyes)',
    area: 'Employment',
    status: 'pending',
    billing: 'hourly',
    rate: 32000,
    lead: 'admin',
    opened: -7,
  },
  {
    client: 'cliff',
    description: 'Client — commercial lease renewal',
    area: 'Real Estate',
    status: 'closed',
    billing: 'hourly',
    rate: 30000,
    lead: 'attorney',
    opened: -400,
    closed: -250,
  },
  {
    client: 'raman',
    description: 'Raman Holdings — LLC formation',
    area: 'Corporate',
    status: 'closed',
    billing: 'flat_fee',
    rate: null,
    lead: 'admin',
    opened: -180,
    closed: -150,
  },
  {
    client: 'blueharbor',
    description: 'Blue Harbor Logistics — customs audit',
    area: 'Regulatory',
    status: 'open',
    billing: 'hourly',
    rate: 34000,
    lead: 'morgan',
    opened: -20,
  },
];

/** Time entries: [matter index, author, days ago, minutes, description, non-billable?]. */
const demoTime: ReadonlyArray<
  [number, 'attorney' | 'admin' | 'morgan' | 'staff', number, number, string, boolean?]
> = [
  [0, 'attorney', 100, 90, 'Initial client meeting; review of supply contract'],
  [0, 'attorney', 95, 150, 'Research: anticipatory breach and cover damages'],
  [0, 'staff', 90, 45, 'Assemble correspondence chronology', true],
  [0, 'attorney', 60, 120, 'Draft complaint'],
  [0, 'admin', 58, 30, 'Review draft complaint'],
  [0, 'attorney', 20, 210, 'Prepare initial disclosures'],
  [0, 'attorney', 3, 60, 'Call with co-counsel on deposition strategy'],
  [1, 'admin', 50, 180, 'Mark up supplier agreement (indemnity, limitation of liability)'],
  [1, 'admin', 12, 60, 'Call with Northwind procurement team'],
  [3, 'attorney', 10, 75, 'Review lease draft from landlord'],
  [4, 'attorney', 150, 120, 'Intake interview and medical records request'],
  [4, 'attorney', 40, 90, 'Demand letter to Metro Transit'],
  [6, 'admin', 280, 60, 'Clearance search review'],
  [6, 'admin', 200, 45, 'File trademark application'],
  [7, 'morgan', 80, 120, 'Financial disclosure review'],
  [7, 'morgan', 15, 90, 'Mediation preparation'],
  [8, 'admin', 5, 60, 'Review termination file'],
  [9, 'attorney', 380, 120, 'Negotiate renewal terms'],
  [9, 'attorney', 300, 60, 'Finalize renewal and execution'],
  [11, 'morgan', 18, 150, 'Customs entry records review'],
  [11, 'staff', 16, 60, 'Index customs documents', true],
];

/**
 * A living demo practice for the demo firm (and a little for the second firm), dated relative
 * to today so upcoming events and due tasks stay upcoming. Runs inside the people seed's
 * transaction. A few matters get folders, and with a blob store documents in them; what is shared
 * with the demo co-counsel is in `demo-sharing.ts`, the demo client's portal in `demo-portal.ts`.
 */
export async function seedDemoPractice(tx: Db, accounts: DemoAccounts, blobs?: BlobStore): Promise<void> {
  const firmId = accounts.firmIds.demo;
  const user = {
    admin: accounts.memberships['demo:admin@demo-firm.test'] ?? '',
    attorney: accounts.memberships['demo:attorney@demo-firm.test'] ?? '',
    staff: accounts.memberships['demo:staff@demo-firm.test'] ?? '',
    morgan: accounts.memberships['demo:morgan@demo-firm.test'] ?? '',
  };
  const coCounsel = accounts.contacts['demo:cocounsel@outside-counsel.test'] ?? '';
  const contactIds: Record<string, string> = { cliff: accounts.contacts['demo:client@client.test'] ?? '' };

  for (const c of demoContacts) {
    const name = c.kind === 'company' ? c.name : `${c.first} ${c.last}`;
    const [row] = await tx
      .insert(contacts)
      .values({
        firmId,
        kind: c.kind,
        name,
        firstName: c.kind === 'person' ? c.first : null,
        lastName: c.kind === 'person' ? c.last : null,
        companyName: 'company' in c ? c.company : null,
        title: 'title' in c ? c.title : null,
        email: c.email,
        emails: [{ address: c.email, label: 'work', primary: true }],
        phones: [{ number: '+1 212 555 0100', label: 'office' }],
        isClient: 'client' in c,
      })
      .returning({ id: contacts.id });
    contactIds[c.key] = row?.id ?? '';
  }

  const matterIds: string[] = [];
  const rootFolderIds: string[] = [];
  for (const [index, m] of demoMatters.entries()) {
    const [row] = await tx
      .insert(matters)
      .values({
        firmId,
        number: String(index + 1).padStart(5, '0'),
        description: m.description,
        clientId: contactIds[m.client] ?? '',
        responsibleAttorneyId: user[m.lead],
        originatingAttorneyId: user.admin,
        status: m.status,
        openDate: day(m.opened),
        closeDate: m.closed === undefined ? null : day(m.closed),
        practiceArea: m.area,
        billingMethod: m.billing,
        rate: m.rate,
      })
      .returning({ id: matters.id });
    matterIds.push(row?.id ?? '');
    rootFolderIds.push(
      await createRootFolder(tx, { firmId, matterId: row?.id ?? '', createdByMembershipId: user.admin }),
    );
  }
  await tx.update(firms).set({ matterCounter: demoMatters.length }).where(eq(firms.id, firmId));
  const matter = (index: number) => matterIds[index] ?? '';
  const documentsInput = {
    firmId,
    matters: matterIds.map((matterId, index) => ({ matterId, rootFolderId: rootFolderIds[index] ?? '' })),
    memberships: user,
  };
  const folderIds = await seedDemoFolders(tx, documentsInput);

  await tx.insert(matterContacts).values([
    { firmId, matterId: matter(0), contactId: coCounsel, relationship: 'Co-counsel' },
    { firmId, matterId: matter(0), contactId: contactIds.lindqvist ?? '', relationship: 'Opposing counsel' },
    { firmId, matterId: matter(0), contactId: contactIds.haddad ?? '', relationship: 'Expert witness' },
    { firmId, matterId: matter(4), contactId: coCounsel, relationship: 'Co-counsel' },
  ]);

  await tx.insert(notes).values([
    {
      firmId,
      matterId: matter(0),
      authorMembershipId: user.attorney,
      date: day(-100),
      subject: 'Intake',
      body: 'Client says Acme stopped deliveries in March without notice. Contract has a 60-day cure period.',
    },
    {
      firmId,
      matterId: matter(0),
      authorMembershipId: user.attorney,
      date: day(-21),
      subject: 'Strategy',
      body: 'Focus discovery on the March emails between Acme procurement and its other suppliers.',
    },
    {
      firmId,
      matterId: matter(1),
      authorMembershipId: user.admin,
      date: day(-50),
      subject: 'Key issues',
      body: 'Uncapped indemnity in clause 12; push for a cap at 12 months of fees.',
    },
    {
      firmId,
      matterId: matter(4),
      authorMembershipId: user.attorney,
      date: day(-150),
      subject: 'Injuries',
      body: 'Fractured wrist, three weeks off work. Medical records requested from St. Mary’s.',
    },
    {
      firmId,
      matterId: matter(7),
      authorMembershipId: user.morgan,
      date: day(-15),
      subject: 'Mediation',
      body: 'Both parties agree to mediate; house valuation still disputed.',
    },
  ]);

  const logs = [
    {
      matter: 0,
      type: 'phone_call' as const,
      subject: 'Call with opposing counsel',
      body: 'Lindqvist open to a standstill while we exchange documents.',
      when: at(-10, 15),
      from: { membershipId: user.attorney },
      to: { contactId: contactIds.lindqvist ?? '' },
    },
    {
      matter: 0,
      type: 'email' as const,
      subject: 'Deposition dates',
      body: 'Proposed three dates for the Acme procurement manager.',
      when: at(-4, 18),
      from: { contactId: coCounsel },
      to: { membershipId: user.attorney },
    },
    {
      matter: 1,
      type: 'email' as const,
      subject: 'Redline sent',
      body: 'Sent the marked-up supplier agreement to Northwind.',
      when: at(-49, 20),
      from: { membershipId: user.admin },
      to: { contactId: contactIds.northwind ?? '' },
    },
    {
      matter: 4,
      type: 'phone_call' as const,
      subject: 'Client update',
      body: 'Told Jonas the demand letter went out; no response yet.',
      when: at(-38, 16),
      from: { membershipId: user.attorney },
      to: { contactId: contactIds.whitfield ?? '' },
    },
  ];
  for (const log of logs) {
    const [row] = await tx
      .insert(communications)
      .values({
        firmId,
        matterId: matter(log.matter),
        type: log.type,
        subject: log.subject,
        body: log.body,
        occurredAt: log.when,
        createdByMembershipId: user.attorney,
      })
      .returning({ id: communications.id });
    await tx.insert(communicationParticipants).values([
      { firmId, communicationId: row?.id ?? '', role: 'sender', ...log.from },
      { firmId, communicationId: row?.id ?? '', role: 'receiver', ...log.to },
    ]);
  }

  const events = [
    {
      matter: 0,
      title: 'Deposition of Acme procurement manager',
      location: 'Demo Firm LLP, Conference Room A',
      url: null,
      start: at(3, 14),
      end: at(3, 18),
      allDay: false,
      attendees: [{ membershipId: user.attorney }, { contactId: coCounsel }],
    },
    {
      matter: 0,
      title: 'Strategy call with co-counsel',
      location: null,
      url: 'https://zoom.example/j/5550100',
      start: at(1, 19),
      end: at(1, 20),
      allDay: false,
      attendees: [{ membershipId: user.attorney }, { membershipId: user.admin }, { contactId: coCounsel }],
    },
    {
      matter: 4,
      title: 'Discovery responses due',
      location: null,
      url: null,
      start: startOfDay(day(9), NEW_YORK),
      end: startOfDay(day(10), NEW_YORK),
      allDay: true,
      attendees: [{ membershipId: user.attorney }],
    },
    {
      matter: 7,
      title: 'Mediation session',
      location: 'Midtown Mediation Center',
      url: null,
      start: at(6, 15),
      end: at(6, 21),
      allDay: false,
      attendees: [{ membershipId: user.morgan }, { contactId: contactIds.tanaka ?? '' }],
    },
    {
      matter: 1,
      title: 'Northwind contract sign-off',
      location: null,
      url: 'https://meet.example/northwind',
      start: at(2, 16, 30),
      end: at(2, 17),
      allDay: false,
      attendees: [{ membershipId: user.admin }, { contactId: contactIds.northwind ?? '' }],
    },
    {
      matter: null,
      title: 'Firm lunch',
      location: 'The Corner Bistro',
      url: null,
      start: at(4, 17),
      end: at(4, 18, 30),
      allDay: false,
      attendees: [
        { membershipId: user.admin },
        { membershipId: user.attorney },
        { membershipId: user.staff },
        { membershipId: user.morgan },
      ],
    },
  ];
  for (const event of events) {
    const [row] = await tx
      .insert(calendarEntries)
      .values({
        firmId,
        matterId: event.matter === null ? null : matter(event.matter),
        title: event.title,
        location: event.location,
        conferenceUrl: event.url,
        startsAt: event.start,
        endsAt: event.end,
        timeZone: NEW_YORK,
        allDay: event.allDay,
        createdByMembershipId: user.attorney,
      })
      .returning({ id: calendarEntries.id });
    await tx
      .insert(calendarAttendees)
      .values(event.attendees.map((attendee) => ({ firmId, entryId: row?.id ?? '', ...attendee })));
  }

  await tx.insert(tasks).values([
    {
      firmId,
      matterId: matter(0),
      name: 'Prepare deposition outline',
      dueDate: day(2),
      priority: 'high',
      assigneeMembershipId: user.attorney,
      createdByMembershipId: user.attorney,
    },
    {
      firmId,
      matterId: matter(0),
      name: 'Review Acme document production',
      dueDate: day(5),
      priority: 'high',
      assigneeContactId: coCounsel,
      createdByMembershipId: user.attorney,
    },
    {
      firmId,
      matterId: matter(0),
      name: 'Summarise expert report',
      dueDate: day(12),
      assigneeContactId: coCounsel,
      status: 'in_progress',
      createdByMembershipId: user.attorney,
    },
    {
      firmId,
      matterId: matter(1),
      name: 'Send final agreement for signature',
      dueDate: day(1),
      assigneeMembershipId: user.admin,
      createdByMembershipId: user.admin,
    },
    {
      firmId,
      matterId: matter(3),
      name: 'Chase landlord for estoppel certificate',
      dueDate: day(-2),
      assigneeMembershipId: user.staff,
      createdByMembershipId: user.attorney,
    },
    {
      firmId,
      matterId: matter(4),
      name: 'Draft discovery responses',
      dueDate: day(8),
      priority: 'high',
      assigneeMembershipId: user.attorney,
      createdByMembershipId: user.attorney,
    },
    {
      firmId,
      matterId: matter(5),
      name: 'Collect degree evaluations',
      dueDate: day(10),
      priority: 'low',
      assigneeMembershipId: user.staff,
      createdByMembershipId: user.morgan,
    },
    {
      firmId,
      matterId: matter(6),
      name: 'Docket registration certificate',
      dueDate: day(-45),
      status: 'completed',
      completedAt: at(-41, 15),
      completedByMembershipId: user.staff,
      assigneeMembershipId: user.staff,
      createdByMembershipId: user.admin,
    },
  ]);

  const rateOf = (index: number, author: keyof typeof user) =>
    demoMatters[index]?.rate ?? (author === 'staff' ? 12000 : 30000);
  const entryIds: string[] = [];
  for (const [index, author, daysAgo, minutes, description, nonBillable] of demoTime) {
    const rate = rateOf(index, author);
    const seconds = minutes * 60;
    const [row] = await tx
      .insert(activities)
      .values({
        firmId,
        matterId: matter(index),
        date: day(-daysAgo),
        durationSeconds: seconds,
        description,
        rate,
        amount: amountOf({ rate, durationSeconds: seconds, nonBillable: nonBillable ?? false }),
        nonBillable: nonBillable ?? false,
        authorMembershipId: user[author],
      })
      .returning({ id: activities.id });
    entryIds.push(row?.id ?? '');
  }

  // A paid bill on the closed lease renewal, an issued one on the trademark, a draft on the lawsuit.
  const billPlans = [
    { number: '00001', matter: 9, entries: [17, 18], status: 'paid' as const, issued: -240, paid: -220 },
    { number: '00002', matter: 6, entries: [12, 13], status: 'issued' as const, issued: -35 },
    { number: '00003', matter: 0, entries: [0, 1, 3, 4], status: 'draft' as const },
  ];
  for (const plan of billPlans) {
    const lines = plan.entries.flatMap((entryIndex, position) => {
      const entry = demoTime[entryIndex];
      if (!entry) return [];
      const [index, author, daysAgo, minutes, description] = entry;
      const rate = rateOf(index, author);
      return {
        position,
        activityId: entryIds[entryIndex] ?? null,
        date: day(-daysAgo),
        description,
        durationSeconds: minutes * 60,
        rate,
        amount: amountOf({ rate, durationSeconds: minutes * 60, nonBillable: false }),
        authorName: {
          attorney: 'Ari Attorney',
          admin: 'Avery Admin',
          morgan: 'Morgan Multi',
          staff: 'Sam Staff',
        }[author],
      };
    });
    const [bill] = await tx
      .insert(bills)
      .values({
        firmId,
        matterId: matter(plan.matter),
        number: plan.number,
        status: plan.status,
        dueDate: plan.status === 'draft' ? null : day((plan.issued ?? 0) + 30),
        total: lines.reduce((sum, line) => sum + line.amount, 0),
        issuedAt: plan.issued === undefined ? null : at(plan.issued, 15),
        paidAt: plan.paid === undefined ? null : at(plan.paid, 15),
        createdByMembershipId: user.admin,
      })
      .returning({ id: bills.id });
    const billId = bill?.id ?? '';
    await tx.insert(billLineItems).values(lines.map((line) => ({ firmId, billId, ...line })));
    await tx
      .update(activities)
      .set({ billId })
      .where(
        inArray(
          activities.id,
          plan.entries.map((entryIndex) => entryIds[entryIndex] ?? ''),
        ),
      );
  }
  await tx.update(firms).set({ billCounter: billPlans.length }).where(eq(firms.id, firmId));

  await seedSecondFirmPractice(tx, accounts);
  await seedDemoSharing(tx, {
    firmId,
    matterIds,
    folderIds,
    coCounsel: {
      contactId: coCounsel,
      membershipId: accounts.memberships['demo:cocounsel@outside-counsel.test'] ?? '',
    },
    attorneyMembershipId: user.attorney,
  });
  // Last, the documents, then the client portal that shares them and stores the client's upload:
  // only the commit follows the blob writes (each step deletes its own again if it fails).
  if (blobs) await seedDemoDocuments(tx, blobs, documentsInput, folderIds);
  await seedDemoPortal(
    tx,
    {
      firmId,
      matter: documentsInput.matters[0] ?? { matterId: '', rootFolderId: '' },
      folderIds,
      client: {
        contactId: contactIds.cliff ?? '',
        membershipId: accounts.memberships['demo:client@client.test'] ?? '',
      },
      attorneyMembershipId: user.attorney,
    },
    blobs,
  );
}

/** The second firm gets a client and two matters, so cross-firm isolation is visible in the demo. */
async function seedSecondFirmPractice(tx: Db, accounts: DemoAccounts): Promise<void> {
  const firmId = accounts.firmIds.second;
  const [client] = await tx
    .insert(contacts)
    .values({
      firmId,
      kind: 'company',
      name: 'Seaside Realty Group',
      email: 'counsel@seaside.test',
      emails: [{ address: 'counsel@seaside.test', label: 'work', primary: true }],
      isClient: true,
    })
    .returning({ id: contacts.id });
  const lead = accounts.memberships['second:admin@harbor-vale.test'] ?? null;
  const seaside = await tx
    .insert(matters)
    .values([
      {
        firmId,
        number: '00001',
        description: 'Seaside Realty — zoning appeal',
        clientId: client?.id ?? '',
        responsibleAttorneyId: lead,
        openDate: day(-30),
        practiceArea: 'Real Estate',
        rate: 40000,
      },
      {
        firmId,
        number: '00002',
        description: 'Seaside Realty — tenant dispute',
        clientId: client?.id ?? '',
        responsibleAttorneyId: lead,
        openDate: day(-5),
        practiceArea: 'Litigation',
        status: 'pending',
        rate: 40000,
      },
    ])
    .returning({ id: matters.id });
  for (const matter of seaside) {
    await createRootFolder(tx, { firmId, matterId: matter.id, createdByMembershipId: lead });
  }
  await tx.update(firms).set({ matterCounter: 2 }).where(eq(firms.id, firmId));
}
