import { type Static, type TSchema, Type } from 'typebox';
import { Money, Page, PageQuery, Timestamp, UpdatedSinceQuery } from './common';
import { ref } from './schema-ref';

export const ContactKind = Type.Union([Type.Literal('person'), Type.Literal('company')], {
  $id: 'ContactKind',
});
export type ContactKind = Static<typeof ContactKind>;

/** How many emails, phones or addresses one contact keeps. */
const MAX_ENTRIES = 20;
const label = Type.Union([Type.String({ maxLength: 50 }), Type.Null()], {
  description: 'e.g. work, home, mobile.',
});
const text = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

export const ContactEmail = Type.Object(
  { address: Type.String(), label, primary: Type.Boolean() },
  { $id: 'ContactEmail', additionalProperties: false },
);
export type ContactEmail = Static<typeof ContactEmail>;

export const ContactEmailInput = Type.Object(
  {
    address: Type.String({ format: 'email', maxLength: 254 }),
    label: Type.Optional(label),
    primary: Type.Optional(
      Type.Boolean({ description: 'At most one; without one, the first address is primary.' }),
    ),
  },
  { $id: 'ContactEmailInput', additionalProperties: false },
);
export type ContactEmailInput = Static<typeof ContactEmailInput>;

export const ContactPhone = Type.Object(
  { number: Type.String({ minLength: 1, maxLength: 50 }), label },
  { $id: 'ContactPhone', additionalProperties: false },
);
export type ContactPhone = Static<typeof ContactPhone>;

export const ContactPhoneInput = Type.Object(
  { number: Type.String({ minLength: 1, maxLength: 50 }), label: Type.Optional(label) },
  { $id: 'ContactPhoneInput', additionalProperties: false },
);
export type ContactPhoneInput = Static<typeof ContactPhoneInput>;

const addressFields = {
  label,
  street: text(300),
  city: text(100),
  region: text(100),
  postal_code: text(20),
  country: text(100),
};

export const ContactAddress = Type.Object(addressFields, {
  $id: 'ContactAddress',
  additionalProperties: false,
});
export type ContactAddress = Static<typeof ContactAddress>;

/** A postal address in a request: every part is optional. */
export const ContactAddressInput = Type.Partial(Type.Object(addressFields), {
  $id: 'ContactAddressInput',
  additionalProperties: false,
});
export type ContactAddressInput = Static<typeof ContactAddressInput>;

const contactExample = {
  id: '019a0000-0000-7000-8000-0000000000c1',
  kind: 'person',
  name: 'Dana Q. Whitfield',
  prefix: 'Dr.',
  first_name: 'Dana',
  middle_name: 'Q.',
  last_name: 'Whitfield',
  company_name: 'Whitfield Analytics',
  title: 'Expert witness',
  email: 'dana@whitfield.example',
  emails: [
    { address: 'dana@whitfield.example', label: 'work', primary: true },
    { address: 'dana.w@mail.example', label: 'home', primary: false },
  ],
  phones: [{ number: '+1 212 555 0142', label: 'mobile' }],
  addresses: [
    {
      label: 'office',
      street: '12 Harbor Street',
      city: 'Boston',
      region: 'MA',
      postal_code: '02110',
      country: 'US',
    },
  ],
  notes: 'Prefers calls before noon.',
  is_client: false,
  is_co_counsel: false,
  hourly_rate: null,
  created_at: '2026-11-02T14:05:00.000Z',
  updated_at: '2026-11-02T14:05:00.000Z',
};

/** A person or company the firm works with; clients and co-counsel are contacts too. */
export const Contact = Type.Object(
  {
    id: Type.String(),
    kind: ref(ContactKind),
    name: Type.String({
      description: "Display name: a person's first, middle and last name; a company's name.",
    }),
    prefix: Type.Union([Type.String(), Type.Null()]),
    first_name: Type.Union([Type.String(), Type.Null()]),
    middle_name: Type.Union([Type.String(), Type.Null()]),
    last_name: Type.Union([Type.String(), Type.Null()]),
    company_name: Type.Union([Type.String(), Type.Null()], { description: "A person's employer." }),
    title: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()], {
      description: 'The primary address of `emails` (read-only). Never a login email.',
    }),
    emails: Type.Array(ref(ContactEmail)),
    phones: Type.Array(ref(ContactPhone)),
    addresses: Type.Array(ref(ContactAddress)),
    notes: Type.Union([Type.String(), Type.Null()]),
    is_client: Type.Boolean(),
    is_co_counsel: Type.Boolean(),
    hourly_rate: Type.Optional(
      Type.Union([ref(Money), Type.Null()], {
        description: "A co-counsel's hourly rate. Present only to callers who may see rates.",
      }),
    ),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  { $id: 'Contact', additionalProperties: false, examples: [contactExample] },
);
export type Contact = Static<typeof Contact>;

export const ContactPage = Page(ref(Contact));
export type ContactPage = Static<typeof ContactPage>;

/** What a create or update may set; `null` clears a field. */
const writableFields = {
  name: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: "A company's name. Refused for a person, whose name is made from its parts.",
    }),
  ),
  prefix: Type.Optional(text(20)),
  first_name: Type.Optional(text(100)),
  middle_name: Type.Optional(text(100)),
  last_name: Type.Optional(text(100)),
  company_name: Type.Optional(text(200)),
  title: Type.Optional(text(100)),
  emails: Type.Optional(
    Type.Array(ref(ContactEmailInput), {
      maxItems: MAX_ENTRIES,
      description: 'Replaces the whole list. At most one is primary; without one, the first is.',
    }),
  ),
  phones: Type.Optional(
    Type.Array(ref(ContactPhoneInput), { maxItems: MAX_ENTRIES, description: 'Replaces the whole list.' }),
  ),
  addresses: Type.Optional(
    Type.Array(ref(ContactAddressInput), {
      maxItems: MAX_ENTRIES,
      description: 'Replaces the whole list.',
    }),
  ),
  notes: Type.Optional(text(10_000)),
  is_client: Type.Optional(Type.Boolean()),
  is_co_counsel: Type.Optional(Type.Boolean()),
  hourly_rate: Type.Optional(
    Type.Union([ref(Money), Type.Null()], { description: "A co-counsel's single hourly rate." }),
  ),
};

export const CreateContact = Type.Object(
  { kind: Type.Optional(ref(ContactKind)), ...writableFields },
  {
    $id: 'CreateContact',
    additionalProperties: false,
    description: 'A person needs a first or last name; a company needs a `name`. `kind` defaults to person.',
    examples: [
      {
        kind: 'person',
        first_name: 'Dana',
        last_name: 'Whitfield',
        emails: [{ address: 'dana@whitfield.example', label: 'work' }],
        phones: [{ number: '+1 212 555 0142', label: 'mobile' }],
      },
      { kind: 'company', name: 'Northwind Freight Inc.', is_client: true },
    ],
  },
);
export type CreateContact = Static<typeof CreateContact>;

export const UpdateContact = Type.Object(
  { kind: Type.Optional(ref(ContactKind)), ...writableFields },
  {
    $id: 'UpdateContact',
    additionalProperties: false,
    description: 'Changes only the fields given; a list given replaces the stored one.',
    examples: [{ title: 'Managing partner', phones: [{ number: '+1 617 555 0100', label: 'office' }] }],
  },
);
export type UpdateContact = Static<typeof UpdateContact>;

export const ContactQuery = Type.Object(
  {
    ...PageQuery.properties,
    ...UpdatedSinceQuery.properties,
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Part of the name or of any email address, any case.',
      }),
    ),
    kind: Type.Optional(ref(ContactKind)),
    is_client: Type.Optional(Type.Boolean()),
    is_co_counsel: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ContactQuery = Static<typeof ContactQuery>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const contactSchemas: TSchema[] = [
  ContactKind,
  ContactEmail,
  ContactEmailInput,
  ContactPhone,
  ContactPhoneInput,
  ContactAddress,
  ContactAddressInput,
  Contact,
  CreateContact,
  UpdateContact,
];
