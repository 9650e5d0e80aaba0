/**
 * What a new time entry's rate comes from. A firm user's time starts from the matter's rate; a
 * co-counsel bills the firm at one rate of its own, agreed with the firm and kept on its contact
 * card, whatever the matter's clients are billed.
 */
export type RateSources =
  | { author: 'firm_user'; matterRate: number | null; authorHourlyRate: number | null }
  | { author: 'co_counsel'; contactHourlyRate: number | null };

/**
 * The rate of an entry whose request names none — the one place that chooses. A firm user's: the
 * matter's rate, else the author's hourly rate, else 0. A co-counsel's: its contact's hourly rate,
 * else 0 (it never names one: it may not see rates).
 */
export function defaultRate(sources: RateSources): number {
  if (sources.author === 'co_counsel') return sources.contactHourlyRate ?? 0;
  return sources.matterRate ?? sources.authorHourlyRate ?? 0;
}

/** The largest amount the columns hold (PostgreSQL `integer`). */
export const MAX_AMOUNT = 2_147_483_647;

/** Rate (per hour) × duration, rounded half up to the minor unit; a non-billable entry is worth 0. */
export function amountOf(entry: { rate: number; durationSeconds: number; nonBillable: boolean }): number {
  return entry.nonBillable ? 0 : Math.round((entry.rate * entry.durationSeconds) / 3600);
}
