import { describe, expect, it } from 'vitest';
import { amountOf, defaultRate } from './rates';

describe('defaultRate', () => {
  const firmUser = (matterRate: number | null, authorHourlyRate: number | null) =>
    defaultRate({ author: 'firm_user', matterRate, authorHourlyRate });

  it("takes the matter's rate, else the author's, else 0, for a firm user", () => {
    expect(firmUser(30000, 20000)).toBe(30000);
    expect(firmUser(null, 20000)).toBe(20000);
    expect(firmUser(null, null)).toBe(0);
    // A matter billed at 0 is a rate, not a missing one.
    expect(firmUser(0, 20000)).toBe(0);
  });

  it("takes the co-counsel's own contact rate, else 0, for a co-counsel", () => {
    expect(defaultRate({ author: 'co_counsel', contactHourlyRate: 25000 })).toBe(25000);
    expect(defaultRate({ author: 'co_counsel', contactHourlyRate: 0 })).toBe(0);
    expect(defaultRate({ author: 'co_counsel', contactHourlyRate: null })).toBe(0);
  });
});

describe('amountOf', () => {
  it('is rate × hours rounded half up to the minor unit', () => {
    expect(amountOf({ rate: 30000, durationSeconds: 5400, nonBillable: false })).toBe(45000);
    expect(amountOf({ rate: 10000, durationSeconds: 1, nonBillable: false })).toBe(3); // 2.78
    expect(amountOf({ rate: 180, durationSeconds: 10, nonBillable: false })).toBe(1); // 0.5
    expect(amountOf({ rate: 179, durationSeconds: 10, nonBillable: false })).toBe(0); // 0.497
  });

  it('is 0 for non-billable time whatever the rate', () => {
    expect(amountOf({ rate: 30000, durationSeconds: 3600, nonBillable: true })).toBe(0);
  });
});
