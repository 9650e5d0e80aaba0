/**
 * The abstract world the sharing-model test generates: two firms, each with two co-counsel
 * (contacts 0 and 1, each holding a membership), plain contacts, matters with folder trees,
 * documents, notes, logs, events, tasks, time entries, conversations and shares. Rows refer to
 * each other by index within their firm. Generated references are plain numbers taken modulo
 * what exists, so every generated value is a valid world and shrinks smoothly.
 */

export type Slot = 0 | 1;
/** Who made a row: the firm's own user, or one of its co-counsel. */
export type Author = 'firm' | Slot;
export type ShareKind = 'matter' | 'folder' | 'document';
/** A document is live, deleted (restorable), or an upload never completed (no current version). */
export type DocumentState = 'live' | 'deleted' | 'incomplete';
/** A contact index, the firm user, or nobody. */
export type Assignee = number | 'firm' | null;

export interface Share {
  slot: Slot;
  kind: ShareKind;
  target: number;
}

export interface FirmWorld {
  /** Contacts 0 and 1 are the co-counsel; the rest are clients and other people. */
  contactCount: number;
  matters: { client: number; related: number[] }[];
  /** The first `matters.length` folders are the matters' roots, in matter order. */
  folders: { matter: number; parent: number | null; createdBy: Author }[];
  documents: { matter: number; folder: number; uploadedBy: Author; state: DocumentState }[];
  notes: { matter: number }[];
  communications: { matter: number }[];
  /** `startsAt` is whole hours after a fixed instant; few distinct values, so ties are common. */
  entries: { matter: number | null; startsAt: number; attendees: number[] }[];
  tasks: { matter: number | null; assignee: Assignee }[];
  activities: { matter: number; author: Author }[];
  /** Each conversation has the firm user and `contacts` in it, and one message with `attachments`. */
  conversations: { contacts: number[]; attachments: number[] }[];
  shares: Share[];
}

export interface World {
  firms: [FirmWorld, FirmWorld];
}

/** The generated description of one firm (see `arbitraries.ts`); references are unresolved. */
export interface FirmSpec {
  extraContacts: number;
  matters: { client: number; related: number[] }[];
  folders: { parent: number; createdBy: Author }[];
  documents: { folder: number; uploadedBy: Author; state: DocumentState }[];
  notes: number[];
  communications: number[];
  entries: { matter: number | null; startsAt: number; attendees: number[] }[];
  tasks: { matter: number | null; assignee: number | 'firm' | null }[];
  activities: { matter: number; author: Author }[];
  conversations: { contacts: number[]; attachments: number[] }[];
  shares: Share[];
}

/** One change made after the world exists, with references still unresolved. */
export type Step = { firm: 0 | 1 } & (
  | { kind: 'share'; share: Share }
  | { kind: 'revoke'; share: number }
  | { kind: 'move_folder'; folder: number; parent: number }
  | { kind: 'move_document'; document: number; folder: number }
  | { kind: 'toggle_deleted'; document: number }
  | { kind: 'upload'; slot: Slot; folder: number }
  | { kind: 'create_folder'; slot: Slot; parent: number }
  | { kind: 'assign_task'; task: number; assignee: number | 'firm' | null }
  | { kind: 'toggle_attendee'; entry: number; contact: number }
  | { kind: 'log_time'; slot: Slot; matter: number }
  | { kind: 'toggle_participant'; conversation: number; contact: number }
  | { kind: 'attach'; conversation: number; document: number }
);

/** A step resolved against the world: what the database writer performs. */
export type Effect = { firm: 0 | 1 } & (
  | { kind: 'share'; share: Share }
  | { kind: 'revoke'; share: Share }
  | { kind: 'move_folder'; folder: number; parent: number }
  | { kind: 'move_document'; document: number; folder: number }
  | { kind: 'set_deleted'; document: number; deleted: boolean }
  | { kind: 'upload'; slot: Slot; folder: number; document: number }
  | { kind: 'create_folder'; slot: Slot; parent: number; folder: number }
  | { kind: 'assign_task'; task: number; assignee: Assignee }
  | { kind: 'set_attendee'; entry: number; contact: number; attends: boolean }
  | { kind: 'log_time'; slot: Slot; matter: number; activity: number }
  | { kind: 'set_participant'; conversation: number; contact: number; takesPart: boolean }
  | { kind: 'attach'; conversation: number; document: number }
);

export const CO_COUNSEL_SLOTS: readonly Slot[] = [0, 1];

const pick = (reference: number, count: number) => reference % count;
const distinct = (values: number[]) => [...new Set(values)];
const sameShare = (a: Share) => (b: Share) => a.slot === b.slot && a.kind === b.kind && a.target === b.target;

/** Resolves a firm's generated description into a valid firm. */
export function buildFirm(spec: FirmSpec): FirmWorld {
  const contactCount = 2 + spec.extraContacts;
  const matters = spec.matters.map((matter) => ({
    client: pick(matter.client, contactCount),
    related: distinct(matter.related.map((contact) => pick(contact, contactCount))),
  }));
  const folders: FirmWorld['folders'] = matters.map((_, matter) => ({
    matter,
    parent: null,
    createdBy: 'firm',
  }));
  for (const folder of spec.folders) {
    const parent = pick(folder.parent, folders.length);
    folders.push({ matter: folders[parent]?.matter ?? 0, parent, createdBy: folder.createdBy });
  }
  const documents = spec.documents.map((document) => {
    const folder = pick(document.folder, folders.length);
    return { ...document, folder, matter: folders[folder]?.matter ?? 0 };
  });
  const matterOf = (reference: number | null) =>
    reference === null ? null : pick(reference, matters.length);
  const firm: FirmWorld = {
    contactCount,
    matters,
    folders,
    documents,
    notes: spec.notes.map((matter) => ({ matter: pick(matter, matters.length) })),
    communications: spec.communications.map((matter) => ({ matter: pick(matter, matters.length) })),
    entries: spec.entries.map((entry) => ({
      matter: matterOf(entry.matter),
      startsAt: entry.startsAt,
      attendees: distinct(entry.attendees.map((contact) => pick(contact, contactCount))),
    })),
    tasks: spec.tasks.map((task) => ({
      matter: matterOf(task.matter),
      assignee: typeof task.assignee === 'number' ? pick(task.assignee, contactCount) : task.assignee,
    })),
    activities: spec.activities.map((activity) => ({
      matter: pick(activity.matter, matters.length),
      author: activity.author,
    })),
    conversations: spec.conversations.map((conversation) => ({
      contacts: distinct(conversation.contacts.map((contact) => pick(contact, contactCount))),
      attachments:
        documents.length === 0
          ? []
          : distinct(conversation.attachments.map((document) => pick(document, documents.length))),
    })),
    shares: [],
  };
  for (const share of spec.shares) {
    const resolved = resolveShare(firm, share);
    if (resolved && !firm.shares.some(sameShare(resolved))) firm.shares.push(resolved);
  }
  return firm;
}

function resolveShare(firm: FirmWorld, share: Share): Share | null {
  const count = {
    matter: firm.matters.length,
    folder: firm.folders.length,
    document: firm.documents.length,
  }[share.kind];
  return count === 0 ? null : { ...share, target: pick(share.target, count) };
}

/** Whether `folder` is `ancestor` or lies below it (walking up the parents). */
function isWithin(firm: FirmWorld, folder: number, ancestor: number): boolean {
  for (let at: number | null = folder; at !== null; at = firm.folders[at]?.parent ?? null) {
    if (at === ancestor) return true;
  }
  return false;
}

/**
 * Resolves a step against the world as it is now, or null when it cannot happen (moving a root,
 * moving a folder into itself or into another matter, nothing to act on). The API refuses those
 * same moves, so the world never holds a state the product cannot reach.
 */
export function resolveStep(world: World, step: Step): Effect | null {
  const firm = world.firms[step.firm];
  const at = { firm: step.firm };
  switch (step.kind) {
    case 'share': {
      const share = resolveShare(firm, step.share);
      return share && !firm.shares.some(sameShare(share)) ? { ...at, kind: 'share', share } : null;
    }
    case 'revoke': {
      const share = firm.shares[pick(step.share, Math.max(firm.shares.length, 1))];
      return share ? { ...at, kind: 'revoke', share } : null;
    }
    case 'move_folder': {
      const folder = pick(step.folder, firm.folders.length);
      const parent = pick(step.parent, firm.folders.length);
      const moving = firm.folders[folder];
      if (!moving || moving.parent === null || moving.parent === parent) return null;
      if (firm.folders[parent]?.matter !== moving.matter || isWithin(firm, parent, folder)) return null;
      return { ...at, kind: 'move_folder', folder, parent };
    }
    case 'move_document': {
      if (firm.documents.length === 0) return null;
      const document = pick(step.document, firm.documents.length);
      const folder = pick(step.folder, firm.folders.length);
      const moving = firm.documents[document];
      if (!moving || moving.folder === folder || firm.folders[folder]?.matter !== moving.matter) return null;
      return { ...at, kind: 'move_document', document, folder };
    }
    case 'toggle_deleted': {
      if (firm.documents.length === 0) return null;
      const document = pick(step.document, firm.documents.length);
      const state = firm.documents[document]?.state;
      if (state === 'incomplete') return null;
      return { ...at, kind: 'set_deleted', document, deleted: state === 'live' };
    }
    case 'upload': {
      const folder = pick(step.folder, firm.folders.length);
      return { ...at, kind: 'upload', slot: step.slot, folder, document: firm.documents.length };
    }
    case 'create_folder': {
      const parent = pick(step.parent, firm.folders.length);
      return { ...at, kind: 'create_folder', slot: step.slot, parent, folder: firm.folders.length };
    }
    case 'assign_task': {
      if (firm.tasks.length === 0) return null;
      const assignee =
        typeof step.assignee === 'number' ? pick(step.assignee, firm.contactCount) : step.assignee;
      return { ...at, kind: 'assign_task', task: pick(step.task, firm.tasks.length), assignee };
    }
    case 'toggle_attendee': {
      if (firm.entries.length === 0) return null;
      const entry = pick(step.entry, firm.entries.length);
      const contact = pick(step.contact, firm.contactCount);
      const attends = !firm.entries[entry]?.attendees.includes(contact);
      return { ...at, kind: 'set_attendee', entry, contact, attends };
    }
    case 'log_time': {
      const matter = pick(step.matter, firm.matters.length);
      return { ...at, kind: 'log_time', slot: step.slot, matter, activity: firm.activities.length };
    }
    case 'toggle_participant': {
      if (firm.conversations.length === 0) return null;
      const conversation = pick(step.conversation, firm.conversations.length);
      const contact = pick(step.contact, firm.contactCount);
      const takesPart = !firm.conversations[conversation]?.contacts.includes(contact);
      return { ...at, kind: 'set_participant', conversation, contact, takesPart };
    }
    case 'attach': {
      if (firm.conversations.length === 0 || firm.documents.length === 0) return null;
      const conversation = pick(step.conversation, firm.conversations.length);
      const document = pick(step.document, firm.documents.length);
      if (firm.conversations[conversation]?.attachments.includes(document)) return null;
      return { ...at, kind: 'attach', conversation, document };
    }
  }
}

const toggled = (values: number[], value: number, present: boolean) =>
  present ? [...values, value] : values.filter((other) => other !== value);

/** Applies a resolved step to the world (in place). */
export function applyEffect(world: World, effect: Effect): void {
  const firm = world.firms[effect.firm];
  const expect = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error(`effect ${effect.kind} names a missing row`);
    return value;
  };
  switch (effect.kind) {
    case 'share':
      firm.shares.push(effect.share);
      return;
    case 'revoke':
      firm.shares = firm.shares.filter((share) => !sameShare(effect.share)(share));
      return;
    case 'move_folder':
      expect(firm.folders[effect.folder]).parent = effect.parent;
      return;
    case 'move_document':
      expect(firm.documents[effect.document]).folder = effect.folder;
      return;
    case 'set_deleted':
      expect(firm.documents[effect.document]).state = effect.deleted ? 'deleted' : 'live';
      return;
    case 'upload': {
      const folder = expect(firm.folders[effect.folder]);
      firm.documents.push({
        matter: folder.matter,
        folder: effect.folder,
        uploadedBy: effect.slot,
        state: 'live',
      });
      return;
    }
    case 'create_folder': {
      const parent = expect(firm.folders[effect.parent]);
      firm.folders.push({ matter: parent.matter, parent: effect.parent, createdBy: effect.slot });
      return;
    }
    case 'assign_task':
      expect(firm.tasks[effect.task]).assignee = effect.assignee;
      return;
    case 'set_attendee': {
      const entry = expect(firm.entries[effect.entry]);
      entry.attendees = toggled(entry.attendees, effect.contact, effect.attends);
      return;
    }
    case 'log_time':
      firm.activities.push({ matter: effect.matter, author: effect.slot });
      return;
    case 'set_participant': {
      const conversation = expect(firm.conversations[effect.conversation]);
      conversation.contacts = toggled(conversation.contacts, effect.contact, effect.takesPart);
      return;
    }
    case 'attach':
      expect(firm.conversations[effect.conversation]).attachments.push(effect.document);
      return;
  }
}
