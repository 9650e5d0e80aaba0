import type { Matter, MatterParty, RelatedContact } from '@chambers/contracts/matters';
import type { MatterRow } from './repository';

/** What answering a matter needs besides its row: attorneys' names and its related contacts. */
export interface MatterExtras {
  userNames: ReadonlyMap<string, string>;
  relatedContacts: RelatedContact[];
}

const party = (id: string | null, names: ReadonlyMap<string, string>): MatterParty | null =>
  id === null ? null : { id, name: names.get(id) ?? '' };

/** A matter as answered; `billing` only to callers who may see rates. */
export function toMatter(
  { matter, clientName }: MatterRow,
  extras: MatterExtras,
  showRates: boolean,
): Matter {
  return {
    id: matter.id,
    number: matter.number,
    description: matter.description,
    client: { id: matter.clientId, name: clientName },
    responsible_attorney: party(matter.responsibleAttorneyId, extras.userNames),
    originating_attorney: party(matter.originatingAttorneyId, extras.userNames),
    status: matter.status,
    open_date: matter.openDate,
    close_date: matter.closeDate,
    practice_area: matter.practiceArea,
    ...(showRates ? { billing: { method: matter.billingMethod, rate: matter.rate } } : {}),
    related_contacts: extras.relatedContacts,
    created_at: matter.createdAt.toISOString(),
    updated_at: matter.updatedAt.toISOString(),
  };
}
