import type { Contact, CreateContact, UpdateContact } from '@chambers/contracts/contacts';
import type { ContactAddress, ContactEmail, ContactPhone } from '../../db/schema/contacts';
import { AppError, type FieldError } from '../../errors/app-error';
import type { ContactRow, ContactValues } from './repository';

/** Trimmed text, or null when nothing is left: a blank name part counts as no name part. */
const blank = (value: string | null | undefined): string | null => value?.trim() || null;

/** A person's display name: first, middle and last name, as far as known. */
const personName = (parts: {
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
}) => [parts.firstName, parts.middleName, parts.lastName].filter(Boolean).join(' ');

function emailsFrom(input: NonNullable<CreateContact['emails']>, errors: FieldError[]): ContactEmail[] {
  const flagged = input.flatMap((entry, index) => (entry.primary ? [index] : []));
  for (const index of flagged.slice(1)) {
    errors.push({ path: `/emails/${index}/primary`, message: 'Only one email address can be primary.' });
  }
  const seen = new Set<string>();
  input.forEach((entry, index) => {
    const key = entry.address.trim().toLowerCase();
    if (seen.has(key))
      errors.push({ path: `/emails/${index}/address`, message: 'This address is listed twice.' });
    seen.add(key);
  });
  const primary = flagged[0] ?? 0;
  return input.map((entry, index) => ({
    address: entry.address.trim(),
    label: blank(entry.label),
    primary: index === primary,
  }));
}

function addressesFrom(
  input: NonNullable<CreateContact['addresses']>,
  errors: FieldError[],
): ContactAddress[] {
  return input.map((entry, index) => {
    const address = {
      label: blank(entry.label),
      street: blank(entry.street),
      city: blank(entry.city),
      region: blank(entry.region),
      postal_code: blank(entry.postal_code),
      country: blank(entry.country),
    };
    const { label: _label, ...parts } = address;
    if (Object.values(parts).every((part) => part === null)) {
      errors.push({
        path: `/addresses/${index}`,
        message: 'An address needs a street, city, region, postal code or country.',
      });
    }
    return address;
  });
}

const phonesFrom = (input: NonNullable<CreateContact['phones']>): ContactPhone[] =>
  input.map((entry) => ({ number: entry.number.trim(), label: blank(entry.label) }));

/** The body's value of a text field when given (null clears it), else the stored one. */
const textOf = (given: string | null | undefined, stored: string | null | undefined) =>
  given === undefined ? (stored ?? null) : blank(given);

/**
 * The columns to store for a new contact (`current` null) or for `current` changed by `body`,
 * or 422 naming each broken rule. A person's display name is always made from its parts (a
 * `name` is refused), a company's is its `name`; `email` mirrors the primary address.
 */
export function contactValues(
  current: ContactRow | null,
  body: CreateContact | UpdateContact,
): ContactValues {
  const errors: FieldError[] = [];
  const kind = body.kind ?? current?.kind ?? 'person';
  const firstName = textOf(body.first_name, current?.firstName);
  const middleName = textOf(body.middle_name, current?.middleName);
  const lastName = textOf(body.last_name, current?.lastName);

  let name: string | null;
  if (kind === 'person') {
    name = personName({ firstName, middleName, lastName });
    if (body.name !== undefined) {
      errors.push({
        path: '/name',
        message: "A person's name is made from first_name, middle_name and last_name; send those instead.",
      });
    } else if (!firstName && !lastName) {
      errors.push({ path: '/first_name', message: 'A person needs a first or last name.' });
    }
  } else {
    // A person turned into a company does not keep its personal name as the company's.
    name = body.name === undefined ? (current?.kind === 'company' ? current.name : null) : blank(body.name);
    if (!name) errors.push({ path: '/name', message: 'A company needs a name.' });
  }

  const emails = body.emails === undefined ? (current?.emails ?? []) : emailsFrom(body.emails, errors);
  const addresses =
    body.addresses === undefined ? (current?.addresses ?? []) : addressesFrom(body.addresses, errors);
  if (errors.length > 0) throw new AppError('unprocessable', 'The contact breaks a rule.', { errors });

  return {
    kind,
    name: name ?? '',
    prefix: textOf(body.prefix, current?.prefix),
    firstName,
    middleName,
    lastName,
    companyName: textOf(body.company_name, current?.companyName),
    title: textOf(body.title, current?.title),
    // Rows written before `emails` existed keep their `email` until a list is given.
    email:
      body.emails === undefined
        ? (current?.email ?? null)
        : (emails.find((entry) => entry.primary)?.address ?? null),
    emails,
    phones: body.phones === undefined ? (current?.phones ?? []) : phonesFrom(body.phones),
    addresses,
    notes: textOf(body.notes, current?.notes),
    isClient: body.is_client ?? current?.isClient ?? false,
    isCoCounsel: body.is_co_counsel ?? current?.isCoCounsel ?? false,
    hourlyRate: body.hourly_rate === undefined ? (current?.hourlyRate ?? null) : body.hourly_rate,
  };
}

/** A contact as answered; `hourly_rate` only to callers who may see rates. */
export function toContact(row: ContactRow, showRates: boolean): Contact {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    first_name: row.firstName,
    middle_name: row.middleName,
    last_name: row.lastName,
    company_name: row.companyName,
    title: row.title,
    email: row.email,
    emails: row.emails,
    phones: row.phones,
    addresses: row.addresses,
    notes: row.notes,
    is_client: row.isClient,
    is_co_counsel: row.isCoCounsel,
    ...(showRates ? { hourly_rate: row.hourlyRate } : {}),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
