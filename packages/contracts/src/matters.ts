import { type Static, type TSchema, Type } from 'typebox';
import { Money, Page, PageQuery, PlainDate, Timestamp, UpdatedSinceQuery } from './common';
import { ref } from './schema-ref';

export const MatterStatus = Type.Union(
  [Type.Literal('open'), Type.Literal('pending'), Type.Literal('closed')],
  { $id: 'MatterStatus' },
);
export type MatterStatus = Static<typeof MatterStatus>;

export const BillingMethod = Type.Union(
  [Type.Literal('hourly'), Type.Literal('flat_fee'), Type.Literal('contingency')],
  { $id: 'BillingMethod' },
);
export type BillingMethod = Static<typeof BillingMethod>;

/** A record a matter points at (its client contact, an attorney's membership), with its display name. */
export const MatterParty = Type.Object(
  { id: Type.String(), name: Type.String() },
  { $id: 'MatterParty', additionalProperties: false },
);
export type MatterParty = Static<typeof MatterParty>;

/** How a matter is billed. Never shown to externals. */
export const MatterBilling = Type.Object(
  {
    method: ref(BillingMethod),
    rate: Type.Union([ref(Money), Type.Null()], { description: 'The default hourly rate.' }),
  },
  { $id: 'MatterBilling', additionalProperties: false },
);
export type MatterBilling = Static<typeof MatterBilling>;

export const RelatedContact = Type.Object(
  {
    contact: ref(MatterParty),
    relationship: Type.Union([Type.String(), Type.Null()], {
      description: 'e.g. opposing counsel, expert witness.',
    }),
  },
  { $id: 'RelatedContact', additionalProperties: false },
);
export type RelatedContact = Static<typeof RelatedContact>;

export const RelatedContactInput = Type.Object(
  {
    contact_id: Type.String({ format: 'uuid' }),
    relationship: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  },
  { $id: 'RelatedContactInput', additionalProperties: false },
);
export type RelatedContactInput = Static<typeof RelatedContactInput>;

const nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) =>
  Type.Union([schema, Type.Null()], options);

const matterExample = {
  id: '019a0000-0000-7000-8000-0000000000a1',
  number: '00042',
  description: 'Northwind v. Harbor Logistics — breach of carriage contract',
  client: { id: '019a0000-0000-7000-8000-0000000000c2', name: 'Northwind Freight Inc.' },
  responsible_attorney: { id: '019a0000-0000-7000-8000-0000000000b1', name: 'Ari Attorney' },
  originating_attorney: null,
  status: 'open',
  open_date: '2026-11-02',
  close_date: null,
  practice_area: 'Commercial litigation',
  billing: { method: 'hourly', rate: 35000 },
  related_contacts: [
    {
      contact: { id: '019a0000-0000-7000-8000-0000000000c1', name: 'Dana Q. Whitfield' },
      relationship: 'Expert witness',
    },
  ],
  created_at: '2026-11-02T14:05:00.000Z',
  updated_at: '2026-11-02T14:05:00.000Z',
};

/** A matter: the case or engagement notes, logs, events, tasks, time and bills hang on. */
export const Matter = Type.Object(
  {
    id: Type.String(),
    number: Type.String({ description: 'Unique in the firm, handed out on creation ("00042").' }),
    description: Type.String(),
    client: ref(MatterParty),
    responsible_attorney: nullable(ref(MatterParty)),
    originating_attorney: nullable(ref(MatterParty)),
    status: ref(MatterStatus),
    open_date: nullable(ref(PlainDate)),
    close_date: nullable(ref(PlainDate)),
    practice_area: nullable(Type.String()),
    billing: Type.Optional(ref(MatterBilling)),
    related_contacts: Type.Array(ref(RelatedContact)),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  {
    $id: 'Matter',
    additionalProperties: false,
    description: '`billing` is present only to callers who may see rates.',
    examples: [matterExample],
  },
);
export type Matter = Static<typeof Matter>;

export const MatterPage = Page(ref(Matter));
export type MatterPage = Static<typeof MatterPage>;

const description = Type.String({ minLength: 1, maxLength: 2000 });
const clientId = Type.String({
  format: 'uuid',
  description: 'A contact of the firm; it is marked as a client.',
});

/** What a create or update may set; `null` clears a field. */
const writableFields = {
  description: Type.Optional(description),
  client_id: Type.Optional(clientId),
  responsible_attorney_id: Type.Optional(
    nullable(Type.String({ format: 'uuid', description: 'An active firm user (membership id).' })),
  ),
  originating_attorney_id: Type.Optional(
    nullable(Type.String({ format: 'uuid', description: 'An active firm user (membership id).' })),
  ),
  status: Type.Optional(ref(MatterStatus)),
  open_date: Type.Optional(ref(PlainDate)),
  close_date: Type.Optional(
    nullable(ref(PlainDate), {
      description: 'Only for a closed matter; closing without one uses today (UTC).',
    }),
  ),
  practice_area: Type.Optional(nullable(Type.String({ maxLength: 100 }))),
  billing_method: Type.Optional(ref(BillingMethod)),
  rate: Type.Optional(nullable(ref(Money))),
  related_contacts: Type.Optional(
    Type.Array(ref(RelatedContactInput), {
      maxItems: 50,
      description: 'Replaces the whole list; each contact at most once.',
    }),
  ),
};

export const CreateMatter = Type.Object(
  {
    ...writableFields,
    description,
    client_id: clientId,
  },
  {
    $id: 'CreateMatter',
    additionalProperties: false,
    description: 'Status defaults to open, open_date to today (UTC), billing_method to hourly.',
    examples: [
      {
        description: 'Northwind v. Harbor Logistics — breach of carriage contract',
        client_id: '019a0000-0000-7000-8000-0000000000c2',
        responsible_attorney_id: '019a0000-0000-7000-8000-0000000000b1',
        practice_area: 'Commercial litigation',
        billing_method: 'hourly',
        rate: 35000,
        related_contacts: [
          { contact_id: '019a0000-0000-7000-8000-0000000000c1', relationship: 'Expert witness' },
        ],
      },
    ],
  },
);
export type CreateMatter = Static<typeof CreateMatter>;

export const UpdateMatter = Type.Object(writableFields, {
  $id: 'UpdateMatter',
  additionalProperties: false,
  description:
    'Changes only the fields given. Closing sets close_date (today unless given); reopening clears it.',
  examples: [{ status: 'closed', close_date: '2026-12-18' }],
});
export type UpdateMatter = Static<typeof UpdateMatter>;

export const MatterQuery = Type.Object(
  {
    ...PageQuery.properties,
    ...UpdatedSinceQuery.properties,
    status: Type.Optional(ref(MatterStatus)),
    client_id: Type.Optional(Type.String({ format: 'uuid' })),
    attorney_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'The responsible or the originating attorney.' }),
    ),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: "Part of the number, the description or the client's name, any case.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type MatterQuery = Static<typeof MatterQuery>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const matterSchemas: TSchema[] = [
  MatterStatus,
  BillingMethod,
  MatterParty,
  MatterBilling,
  RelatedContact,
  RelatedContactInput,
  Matter,
  CreateMatter,
  UpdateMatter,
];
