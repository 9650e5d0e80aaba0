import fc from 'fast-check';
import type { Author, DocumentState, FirmSpec, Share, Slot, Step } from './world';

/**
 * Generators for the sharing-model test. Worlds stay small (a few rows of each kind) so a
 * thousand runs fit in CI, yet every kind of row and every way of becoming visible is present
 * often. References are bare numbers; `world.ts` takes them modulo what exists.
 */

const reference = fc.nat({ max: 11 });
const slot = fc.constantFrom<Slot>(0, 1);
/** Mostly the firm's own rows, so co-counsel-made rows stand out. */
const author = fc.constantFrom<Author>('firm', 'firm', 0, 1);
const documentState = fc.constantFrom<DocumentState>('live', 'live', 'live', 'deleted', 'incomplete');
const share: fc.Arbitrary<Share> = fc.record({
  slot,
  kind: fc.constantFrom('matter', 'folder', 'document'),
  target: reference,
});
const few = <T>(item: fc.Arbitrary<T>, maxLength: number) => fc.array(item, { maxLength });

export const firmSpec: fc.Arbitrary<FirmSpec> = fc.record({
  extraContacts: fc.integer({ min: 0, max: 2 }),
  matters: fc.array(fc.record({ client: reference, related: few(reference, 2) }), {
    minLength: 1,
    maxLength: 3,
  }),
  folders: few(fc.record({ parent: reference, createdBy: author }), 5),
  documents: few(fc.record({ folder: reference, uploadedBy: author, state: documentState }), 6),
  notes: few(reference, 4),
  communications: few(reference, 4),
  entries: few(
    fc.record({ matter: fc.option(reference), startsAt: fc.nat({ max: 2 }), attendees: few(reference, 2) }),
    3,
  ),
  tasks: few(
    fc.record({
      matter: fc.option(reference),
      assignee: fc.option(fc.oneof(reference, fc.constant('firm'))),
    }),
    4,
  ),
  activities: few(fc.record({ matter: reference, author }), 3),
  conversations: few(fc.record({ contacts: few(reference, 2), attachments: few(reference, 2) }), 2),
  shares: fc.array(share, { minLength: 1, maxLength: 8 }),
});

const firm = fc.constantFrom<0 | 1>(0, 1);
const withFirm = <T extends object>(arbitrary: fc.Arbitrary<T>) =>
  fc.tuple(firm, arbitrary).map(([at, rest]) => ({ firm: at, ...rest }));

export const step: fc.Arbitrary<Step> = fc.oneof(
  withFirm(fc.record({ kind: fc.constant('share' as const), share })),
  withFirm(fc.record({ kind: fc.constant('revoke' as const), share: reference })),
  withFirm(fc.record({ kind: fc.constant('move_folder' as const), folder: reference, parent: reference })),
  withFirm(
    fc.record({ kind: fc.constant('move_document' as const), document: reference, folder: reference }),
  ),
  withFirm(fc.record({ kind: fc.constant('toggle_deleted' as const), document: reference })),
  withFirm(fc.record({ kind: fc.constant('upload' as const), slot, folder: reference })),
  withFirm(fc.record({ kind: fc.constant('create_folder' as const), slot, parent: reference })),
  withFirm(
    fc.record({
      kind: fc.constant('assign_task' as const),
      task: reference,
      assignee: fc.option(fc.oneof(reference, fc.constant('firm' as const))),
    }),
  ),
  withFirm(
    fc.record({ kind: fc.constant('toggle_attendee' as const), entry: reference, contact: reference }),
  ),
  withFirm(fc.record({ kind: fc.constant('log_time' as const), slot, matter: reference })),
  withFirm(
    fc.record({
      kind: fc.constant('toggle_participant' as const),
      conversation: reference,
      contact: reference,
    }),
  ),
  withFirm(fc.record({ kind: fc.constant('attach' as const), conversation: reference, document: reference })),
);

const coCounsel = [0, 1].flatMap((at) => [0, 1].map((slot) => ({ firm: at as 0 | 1, slot: slot as Slot })));

/**
 * One test case: two firms, what happens to them afterwards, whose lists are read (two of the four
 * co-counsel: reading all four doubles a run's cost for little more), and the page size.
 */
export const scenario = fc.record({
  firms: fc.tuple(firmSpec, firmSpec),
  steps: few(step, 8),
  observers: fc.subarray(coCounsel, { minLength: 2, maxLength: 2 }),
  /** Small pages make every list cross page boundaries; 50 is the default page. */
  pageSize: fc.constantFrom(1, 2, 3, 50),
});
export type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
