import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { contactValues, toContact } from './contact-values';
import type { ContactRow } from './repository';

const stored: ContactRow = {
  id: 'c1',
  firmId: 'f1',
  kind: 'person',
  name: 'Cora Counsel',
  prefix: null,
  firstName: 'Cora',
  middleName: null,
  lastName: 'Counsel',
  companyName: null,
  title: null,
  email: 'cora@counsel.test',
  emails: [],
  phones: [],
  addresses: [],
  notes: null,
  isClient: false,
  isCoCounsel: true,
  hourlyRate: 30000,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
};

function paths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return (error.options.errors ?? []).map((entry) => entry.path);
  }
  throw new Error('expected an AppError');
}

describe('contactValues', () => {
  it("makes a person's name from its parts and a company's from its name", () => {
    expect(contactValues(null, { first_name: 'Ada', middle_name: ' ', last_name: 'Lovelace' })).toMatchObject(
      {
        kind: 'person',
        name: 'Ada Lovelace',
        middleName: null,
      },
    );
    expect(contactValues(null, { kind: 'company', name: ' Acme ' }).name).toBe('Acme');
    expect(contactValues(stored, { last_name: 'Counsel-Smith' }).name).toBe('Cora Counsel-Smith');
    // A company turning back into a person takes its name from the parts again.
    const company = { ...stored, kind: 'company' as const, name: 'Counsel LLP' };
    expect(contactValues(company, { kind: 'person' }).name).toBe('Cora Counsel');
    expect(contactValues(company, { title: 'Partner' }).name).toBe('Counsel LLP');
  });

  it('keeps `email` on the primary address, and the stored one while no list is given', () => {
    expect(
      contactValues(null, { last_name: 'X', emails: [{ address: 'a@x.test' }, { address: 'b@x.test' }] })
        .email,
    ).toBe('a@x.test');
    expect(
      contactValues(null, {
        last_name: 'X',
        emails: [{ address: 'a@x.test' }, { address: 'b@x.test', primary: true }],
      }).email,
    ).toBe('b@x.test');
    expect(contactValues(stored, { title: 'Partner' }).email).toBe('cora@counsel.test');
    expect(contactValues(stored, { emails: [] }).email).toBeNull();
  });

  it('refuses a name for a person, a nameless person or company, two primaries and repeats', () => {
    expect(paths(() => contactValues(null, { first_name: 'A', name: 'A' }))).toEqual(['/name']);
    expect(paths(() => contactValues(null, { prefix: 'Dr.' }))).toEqual(['/first_name']);
    expect(paths(() => contactValues(stored, { kind: 'company' }))).toEqual(['/name']);
    expect(
      paths(() =>
        contactValues(null, {
          last_name: 'X',
          emails: [
            { address: 'a@x.test', primary: true },
            { address: 'A@X.test', primary: true },
          ],
        }),
      ),
    ).toEqual(['/emails/1/primary', '/emails/1/address']);
  });
});

describe('toContact', () => {
  it('answers the hourly rate only to callers who may see rates', () => {
    expect(toContact(stored, true).hourly_rate).toBe(30000);
    expect(toContact(stored, false)).not.toHaveProperty('hourly_rate');
  });
});
