import { describe, expect, it } from 'vitest';
import type { MatterRow } from './repository';
import { toMatter } from './to-matter';

const row: MatterRow = {
  clientName: 'Northwind Freight',
  matter: {
    id: 'm1',
    firmId: 'f1',
    number: '00042',
    description: 'Northwind v. Harbor',
    clientId: 'c1',
    responsibleAttorneyId: 'u1',
    originatingAttorneyId: 'u-gone',
    status: 'open',
    openDate: '2026-11-02',
    closeDate: null,
    practiceArea: null,
    billingMethod: 'hourly',
    rate: 35000,
    createdAt: new Date('2026-11-02T14:05:00Z'),
    updatedAt: new Date('2026-11-03T09:00:00Z'),
  },
};
const extras = {
  userNames: new Map([['u1', 'Ari Attorney']]),
  relatedContacts: [{ contact: { id: 'c2', name: 'Dana' }, relationship: 'Expert' }],
};

describe('toMatter', () => {
  it('answers billing to callers who may see rates', () => {
    expect(toMatter(row, extras, true)).toEqual({
      id: 'm1',
      number: '00042',
      description: 'Northwind v. Harbor',
      client: { id: 'c1', name: 'Northwind Freight' },
      responsible_attorney: { id: 'u1', name: 'Ari Attorney' },
      originating_attorney: { id: 'u-gone', name: '' },
      status: 'open',
      open_date: '2026-11-02',
      close_date: null,
      practice_area: null,
      billing: { method: 'hourly', rate: 35000 },
      related_contacts: extras.relatedContacts,
      created_at: '2026-11-02T14:05:00.000Z',
      updated_at: '2026-11-03T09:00:00.000Z',
    });
  });

  it('leaves billing out entirely for callers who may not see rates', () => {
    const matter = toMatter(row, extras, false);
    expect(matter).not.toHaveProperty('billing');
    expect(JSON.stringify(matter)).not.toContain('35000');
  });
});
