import { type Static, type TSchema, Type } from 'typebox';
import { DurationSeconds, Money, Page, PageQuery, PlainDate, Timestamp, UpdatedSinceQuery } from './common';
import { Person } from './people';
import { ref } from './schema-ref';

export const BillStatus = Type.Union(
  [Type.Literal('draft'), Type.Literal('issued'), Type.Literal('paid'), Type.Literal('void')],
  {
    $id: 'BillStatus',
    description:
      '`draft` → `issued` (issue) → `paid` (pay) or `void` (void). A draft can be deleted; ' +
      'an issued bill locks its time entries until it is voided.',
  },
);
export type BillStatus = Static<typeof BillStatus>;

/** One line of a bill: a time entry as it was when the draft was made. */
export const BillLineItem = Type.Object(
  {
    id: Type.String(),
    activity_id: Type.Union([Type.String(), Type.Null()], {
      description: 'The time entry it was made from (it may since have been deleted, after a void).',
    }),
    date: ref(PlainDate),
    description: Type.String(),
    duration_seconds: ref(DurationSeconds),
    rate: ref(Money),
    amount: ref(Money),
    author_name: Type.String(),
    by_co_counsel: Type.Boolean(),
  },
  { $id: 'BillLineItem', additionalProperties: false },
);
export type BillLineItem = Static<typeof BillLineItem>;

const example = {
  id: '019a0000-0000-7000-8000-0000000000c1',
  number: '00042',
  matter_id: '019a0000-0000-7000-8000-000000000010',
  status: 'issued',
  due_date: '2026-12-20',
  total: 52500,
  issued_at: '2026-11-21T09:00:00.000Z',
  paid_at: null,
  voided_at: null,
  line_items: [
    {
      id: '019a0000-0000-7000-8000-0000000000d1',
      activity_id: '019a0000-0000-7000-8000-0000000000b1',
      date: '2026-11-20',
      description: 'Reviewed the draft settlement agreement',
      duration_seconds: 5400,
      rate: 35000,
      amount: 52500,
      author_name: 'Ari Attorney',
      by_co_counsel: false,
    },
  ],
  created_by: { type: 'user', id: '019a0000-0000-7000-8000-000000000002', name: 'Ari Attorney' },
  created_at: '2026-11-21T08:55:00.000Z',
  updated_at: '2026-11-21T09:00:00.000Z',
};

/** A bill for one matter, made from its unbilled time entries. */
export const Bill = Type.Object(
  {
    id: Type.String(),
    number: Type.String({ description: 'Sequential per firm, zero-padded to 5 digits (never reused).' }),
    matter_id: Type.String(),
    status: ref(BillStatus),
    due_date: Type.Union([ref(PlainDate), Type.Null()]),
    total: ref(Money),
    issued_at: Type.Union([ref(Timestamp), Type.Null()]),
    paid_at: Type.Union([ref(Timestamp), Type.Null()]),
    voided_at: Type.Union([ref(Timestamp), Type.Null()]),
    line_items: Type.Array(ref(BillLineItem), {
      description: 'In date order. A snapshot: later edits to the entries do not change them.',
    }),
    created_by: ref(Person),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  {
    $id: 'Bill',
    additionalProperties: false,
    description: "`total` is the sum of the line items' amounts, in minor units.",
    examples: [example],
  },
);
export type Bill = Static<typeof Bill>;

export const BillPage = Page(ref(Bill));
export type BillPage = Static<typeof BillPage>;

/** The most entries one bill takes. */
export const MAX_BILL_ENTRIES = 500;

export const CreateBill = Type.Object(
  {
    matter_id: Type.String({ format: 'uuid' }),
    activity_ids: Type.Array(Type.String({ format: 'uuid' }), {
      minItems: 1,
      maxItems: MAX_BILL_ENTRIES,
      uniqueItems: true,
      description: 'Billable, unbilled time entries of the matter (1 to 500, no repeats).',
    }),
    due_date: Type.Optional(Type.Union([ref(PlainDate), Type.Null()])),
  },
  {
    $id: 'CreateBill',
    additionalProperties: false,
    description:
      'Makes a draft. Each entry must be on the matter, billable and on no other bill, else 422 naming ' +
      'each offending `/activity_ids/N`. The entries are claimed atomically: two drafts never share one.',
    examples: [
      {
        matter_id: example.matter_id,
        activity_ids: ['019a0000-0000-7000-8000-0000000000b1'],
        due_date: example.due_date,
      },
    ],
  },
);
export type CreateBill = Static<typeof CreateBill>;

export const UpdateBill = Type.Object(
  { due_date: Type.Union([ref(PlainDate), Type.Null()]) },
  {
    $id: 'UpdateBill',
    additionalProperties: false,
    description: 'Only a draft can be changed (422 otherwise).',
    examples: [{ due_date: '2026-12-31' }],
  },
);
export type UpdateBill = Static<typeof UpdateBill>;

export const BillQuery = Type.Object(
  {
    ...PageQuery.properties,
    ...UpdatedSinceQuery.properties,
    matter_id: Type.Optional(Type.String({ format: 'uuid', description: "Only this matter's bills." })),
    status: Type.Optional(ref(BillStatus)),
  },
  { additionalProperties: false },
);
export type BillQuery = Static<typeof BillQuery>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const billSchemas: TSchema[] = [BillStatus, BillLineItem, Bill, CreateBill, UpdateBill];
