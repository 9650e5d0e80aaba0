import { type Static, type TSchema, Type } from 'typebox';
import { DurationSeconds, Money, Page, PageQuery, PlainDate, Timestamp, UpdatedSinceQuery } from './common';
import { Person } from './people';
import { ref } from './schema-ref';

/** Where a time entry stands with billing; derived from the bill it is on, if any. */
export const BillingState = Type.Union(
  [Type.Literal('unbilled'), Type.Literal('draft'), Type.Literal('billed')],
  {
    $id: 'BillingState',
    description:
      '`unbilled`: on no bill. `draft`: on a draft bill. `billed`: on an issued or paid bill (locked).',
  },
);
export type BillingState = Static<typeof BillingState>;

const RATES_NOTE = '`rate` and `amount` are present only for callers who may see rates (never externals).';

const example = {
  id: '019a0000-0000-7000-8000-0000000000b1',
  matter_id: '019a0000-0000-7000-8000-000000000010',
  date: '2026-11-20',
  duration_seconds: 5400,
  description: 'Reviewed the draft settlement agreement',
  rate: 35000,
  amount: 52500,
  non_billable: false,
  author: { type: 'user', id: '019a0000-0000-7000-8000-000000000002', name: 'Ari Attorney' },
  by_co_counsel: false,
  task_id: null,
  calendar_entry_id: null,
  document_id: null,
  billing_state: 'unbilled',
  bill_id: null,
  created_at: '2026-11-20T16:04:05.000Z',
  updated_at: '2026-11-20T16:04:05.000Z',
};

/** A time entry on a matter. */
export const Activity = Type.Object(
  {
    id: Type.String(),
    matter_id: Type.String(),
    date: ref(PlainDate),
    duration_seconds: ref(DurationSeconds),
    description: Type.String(),
    rate: Type.Optional(ref(Money)),
    amount: Type.Optional(ref(Money)),
    non_billable: Type.Boolean(),
    author: ref(Person),
    by_co_counsel: Type.Boolean({ description: "Whether the author's membership is a co-counsel's." }),
    task_id: Type.Union([Type.String(), Type.Null()]),
    calendar_entry_id: Type.Union([Type.String(), Type.Null()]),
    document_id: Type.Union([Type.String(), Type.Null()], {
      description: 'The document the time was spent on, if any.',
    }),
    billing_state: ref(BillingState),
    bill_id: Type.Union([Type.String(), Type.Null()], {
      description:
        'The draft, issued or paid bill it is on; null to callers who may not see bills (externals), who still get `billing_state`.',
    }),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  {
    $id: 'Activity',
    additionalProperties: false,
    description: `\`rate\` is per hour; \`amount\` is rate × hours, rounded to the minor unit (0 when non-billable). \`author\` is the membership that logged it. ${RATES_NOTE}`,
    examples: [example],
  },
);
export type Activity = Static<typeof Activity>;

export const ActivityPage = Page(ref(Activity));
export type ActivityPage = Static<typeof ActivityPage>;

/** One entry lasts at most a day, which also keeps rate × hours within the amount column. */
const EntryDuration = Type.Integer({
  minimum: 1,
  maximum: 86_400,
  description: 'Whole seconds, 1 to 86,400.',
});
const Rate = Type.Integer({
  minimum: 0,
  maximum: 10_000_000,
  description: 'Per hour, in minor units (at most 10,000,000).',
});
const Description = Type.String({ maxLength: 10_000 });
const OptionalId = Type.Union([Type.String({ format: 'uuid' }), Type.Null()]);

export const CreateActivity = Type.Object(
  {
    matter_id: Type.String({ format: 'uuid' }),
    date: Type.Optional(ref(PlainDate)),
    duration_seconds: EntryDuration,
    description: Type.Optional(Description),
    non_billable: Type.Optional(Type.Boolean()),
    rate: Type.Optional(Rate),
    task_id: Type.Optional(OptionalId),
    calendar_entry_id: Type.Optional(OptionalId),
    document_id: Type.Optional(OptionalId),
  },
  {
    $id: 'CreateActivity',
    additionalProperties: false,
    description:
      "`date` defaults to today (UTC). `rate` defaults to the matter's rate, else the author's hourly rate, else 0; " +
      "a co-counsel's time always carries its contact card's `hourly_rate` (else 0), and co-counsel may not send `rate` (422). " +
      'A linked task or calendar entry must be on the same matter (or on none); a linked document must be ' +
      'on the same matter and not deleted. The caller is the author.',
    examples: [
      {
        matter_id: example.matter_id,
        date: example.date,
        duration_seconds: example.duration_seconds,
        description: example.description,
      },
    ],
  },
);
export type CreateActivity = Static<typeof CreateActivity>;

export const UpdateActivity = Type.Object(
  {
    matter_id: Type.Optional(Type.String({ format: 'uuid' })),
    date: Type.Optional(ref(PlainDate)),
    duration_seconds: Type.Optional(EntryDuration),
    description: Type.Optional(Description),
    non_billable: Type.Optional(Type.Boolean()),
    rate: Type.Optional(Rate),
    task_id: Type.Optional(OptionalId),
    calendar_entry_id: Type.Optional(OptionalId),
    document_id: Type.Optional(OptionalId),
  },
  {
    $id: 'UpdateActivity',
    additionalProperties: false,
    minProperties: 1,
    description:
      '`amount` is recomputed. An entry on an issued or paid bill is locked (422: void the bill first). ' +
      "An entry on a draft may be edited — the draft's line items are a snapshot and do not change — " +
      'but it cannot move to another matter or become non-billable while on the draft.',
    examples: [{ duration_seconds: 3600, description: 'Reviewed and annotated the draft' }],
  },
);
export type UpdateActivity = Static<typeof UpdateActivity>;

export const ActivityQuery = Type.Object(
  {
    ...PageQuery.properties,
    ...UpdatedSinceQuery.properties,
    matter_id: Type.Optional(Type.String({ format: 'uuid', description: "Only this matter's entries." })),
    author_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only entries logged by this membership.' }),
    ),
    document_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only entries logged on this document.' }),
    ),
    billing_state: Type.Optional(ref(BillingState)),
    non_billable: Type.Optional(Type.Boolean()),
    from: Type.Optional(ref(PlainDate)),
    to: Type.Optional(ref(PlainDate)),
    order: Type.Optional(
      Type.Union([Type.Literal('created'), Type.Literal('date_desc')], {
        default: 'created',
        description:
          '`created`: in the order the entries were logged, oldest first. `date_desc`: newest `date` first, ' +
          'entries of one date newest logged first. A cursor pages only the order it was issued for (400 otherwise).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ActivityQuery = Static<typeof ActivityQuery>;

export const ActivityTotalsQuery = Type.Object(
  { matter_id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

/** A matter's running totals; every sum over all its time entries. */
export const ActivityTotals = Type.Object(
  {
    matter_id: Type.String(),
    duration_seconds: Type.Integer({ minimum: 0, description: 'All time logged, billable or not.' }),
    billable_duration_seconds: Type.Integer({ minimum: 0 }),
    amount: Type.Optional(Type.Integer({ minimum: 0, description: 'All billable amounts.' })),
    unbilled_amount: Type.Optional(Type.Integer({ minimum: 0, description: 'On no bill.' })),
    draft_amount: Type.Optional(Type.Integer({ minimum: 0, description: 'On draft bills.' })),
    billed_amount: Type.Optional(Type.Integer({ minimum: 0, description: 'On issued or paid bills.' })),
  },
  {
    $id: 'ActivityTotals',
    additionalProperties: false,
    description: `\`amount\` = \`unbilled_amount\` + \`draft_amount\` + \`billed_amount\`, in minor units. The amounts are present only for callers who may see rates.`,
    examples: [
      {
        matter_id: example.matter_id,
        duration_seconds: 9000,
        billable_duration_seconds: 5400,
        amount: 52500,
        unbilled_amount: 52500,
        draft_amount: 0,
        billed_amount: 0,
      },
    ],
  },
);
export type ActivityTotals = Static<typeof ActivityTotals>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const activitySchemas: TSchema[] = [
  BillingState,
  Activity,
  CreateActivity,
  UpdateActivity,
  ActivityTotals,
];
