import type { FirmWorld, Slot, World } from './world';

/**
 * The access contract (DESIGN.md, "What an external sees") as plain code over the abstract
 * world, written from the contract's wording and not from the SQL that implements it. For one
 * co-counsel — firm `firm`, contact and membership `slot` — it answers the rows each list must
 * hold, as keys (`<type>:f<firm>.<index>`). Only its own firm's rows can ever appear.
 */

export const listedTypes = [
  'matter',
  'contact',
  'note',
  'communication',
  'calendar_entry',
  'task',
  'activity',
  'folder',
  'document',
  'deleted_document',
  'conversation',
] as const;
export type ListedType = (typeof listedTypes)[number];

export const keyOf = (type: string, firm: number, index: number) => `${type}:f${firm}.${index}`;

const indicesWhere = <T>(rows: readonly T[], keep: (row: T, index: number) => boolean) =>
  rows.flatMap((row, index) => (keep(row, index) ? [index] : []));

/** What co-counsel `slot` of firm `firm` must find in each list. */
export function expectedLists(world: World, firm: 0 | 1, slot: Slot): Record<ListedType, string[]> {
  const f: FirmWorld = world.firms[firm];
  const sharedWithMe = (kind: string, target: number) =>
    f.shares.some((share) => share.slot === slot && share.kind === kind && share.target === target);

  // "matters shared with it: matter and client details, the matter's notes, its communication logs".
  const matterShared = (matter: number) => sharedWithMe('matter', matter);
  const matters = indicesWhere(f.matters, (_, index) => matterShared(index));
  const contacts = new Set<number>([slot]);
  for (const matter of matters) {
    const row = f.matters[matter];
    if (!row) continue;
    contacts.add(row.client);
    for (const related of row.related) contacts.add(related);
  }

  // "a folder share covers its contents, evaluated at request time": climb from the folder to the
  // root, and the folder is covered when any folder on the way is shared.
  const coveredByFolderShare = (folder: number) => {
    const seen = new Set<number>();
    for (let at: number | null = folder; at !== null && !seen.has(at); at = f.folders[at]?.parent ?? null) {
      seen.add(at);
      if (sharedWithMe('folder', at)) return true;
    }
    return false;
  };
  // Secure messages: "conversations it participates in, with their attachments".
  const attachedForMe = (document: number) =>
    f.conversations.some(
      (conversation) => conversation.contacts.includes(slot) && conversation.attachments.includes(document),
    );

  const lists: Record<ListedType, number[]> = {
    matter: matters,
    contact: [...contacts],
    note: indicesWhere(f.notes, (note) => matterShared(note.matter)),
    communication: indicesWhere(f.communications, (log) => matterShared(log.matter)),
    // "calendar entries it is an attendee of".
    calendar_entry: indicesWhere(f.entries, (entry) => entry.attendees.includes(slot)),
    // "tasks assigned to it".
    task: indicesWhere(f.tasks, (task) => task.assignee === slot),
    // "time entries it created".
    activity: indicesWhere(f.activities, (activity) => activity.author === slot),
    // Folders shared with it (and what is inside them), and those it made itself (uploads).
    folder: indicesWhere(
      f.folders,
      (folder, index) => coveredByFolderShare(index) || folder.createdBy === slot,
    ),
    // Documents: inside a shared folder, shared one by one, uploaded by it, or attached to its
    // conversations. Only live documents are listed to anyone (deleted ones are in the trash,
    // an upload never completed does not exist yet).
    document: indicesWhere(
      f.documents,
      (document, index) =>
        document.state === 'live' &&
        (coveredByFolderShare(document.folder) ||
          sharedWithMe('document', index) ||
          document.uploadedBy === slot ||
          attachedForMe(index)),
    ),
    // The trash (`?deleted=true`) is for those who may restore: co-counsel changes no document.
    deleted_document: [],
    // "secure-message conversations it participates in".
    conversation: indicesWhere(f.conversations, (conversation) => conversation.contacts.includes(slot)),
  };
  return Object.fromEntries(
    listedTypes.map((type) => [type, lists[type].map((index) => keyOf(type, firm, index))]),
  ) as Record<ListedType, string[]>;
}
