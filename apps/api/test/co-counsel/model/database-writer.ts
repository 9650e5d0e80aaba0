import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../src/db/database';
import { activities } from '../../../src/db/schema/activities';
import { calendarAttendees, calendarEntries } from '../../../src/db/schema/calendar';
import { communications } from '../../../src/db/schema/communications';
import { contacts } from '../../../src/db/schema/contacts';
import {
  conversationParticipants,
  conversations,
  messageAttachments,
  messages,
} from '../../../src/db/schema/conversations';
import { documents, documentVersions, folders } from '../../../src/db/schema/documents';
import { firms } from '../../../src/db/schema/firms';
import { identities } from '../../../src/db/schema/identities';
import { matterContacts, matters } from '../../../src/db/schema/matters';
import { memberships } from '../../../src/db/schema/memberships';
import { notes } from '../../../src/db/schema/notes';
import { shares } from '../../../src/db/schema/shares';
import { tasks } from '../../../src/db/schema/tasks';
import { newId } from '../../../src/lib/ids';
import { keyOf } from './reference';
import {
  type Assignee,
  type Author,
  CO_COUNSEL_SLOTS,
  type Effect,
  type FirmWorld,
  type Share,
  type Slot,
  type World,
} from './world';

const FIRMS = [0, 1] as const;
const FIRST_EVENT = Date.parse('2026-03-02T09:00:00Z');
const SHA256 = '0'.repeat(64);

/**
 * Writes a generated world into the real database as plain rows (the state the API would have
 * made), then each step of the scenario as the change the API would make. Every run makes new
 * firms, so runs never see each other's rows. Row ids are made here, keyed like the reference
 * model's answers (`reference.ts`), so a list's ids translate back to model keys.
 */
export class WorldWriter {
  /** Model key → row id; also `membership:f0.firm` / `membership:f0.cc1`, `identity:…`, `message:f0.2`. */
  readonly ids = new Map<string, string>();
  private readonly runTag = newId().slice(-12);

  constructor(private readonly db: Db) {}

  id(key: string): string {
    let id = this.ids.get(key);
    if (!id) {
      id = newId();
      this.ids.set(key, id);
    }
    return id;
  }

  /** The membership that acts as `author` in `firm`. */
  membership(firm: number, author: Author): string {
    return this.id(`membership:f${firm}.${author === 'firm' ? 'firm' : `cc${author}`}`);
  }

  /** The identity behind a membership. Co-counsel 0 of both firms is one person (one login). */
  identity(firm: number, author: Author): string {
    return this.id(
      author === 0 ? 'identity:cc0' : `identity:f${firm}.${author === 'firm' ? 'firm' : `cc${author}`}`,
    );
  }

  /** The co-counsel memberships with their identities, for minting sessions. */
  coCounsel(): { firm: 0 | 1; slot: Slot; identityId: string; membershipId: string }[] {
    return FIRMS.flatMap((firm) =>
      CO_COUNSEL_SLOTS.map((slot) => ({
        firm,
        slot,
        identityId: this.identity(firm, slot),
        membershipId: this.membership(firm, slot),
      })),
    );
  }

  async insertWorld(world: World): Promise<void> {
    const rows = { ...this.firmRows(0, world.firms[0]), identities: this.identityRows() };
    const second = this.firmRows(1, world.firms[1]);
    // In dependency order; one statement per table writes both firms' rows.
    const tables = [
      [firms, 'firms'],
      [identities, 'identities'],
      [contacts, 'contacts'],
      [memberships, 'memberships'],
      [matters, 'matters'],
      [matterContacts, 'matterContacts'],
      [folders, 'folders'],
      [documents, 'documents'],
      [documentVersions, 'versions'],
      [notes, 'notes'],
      [communications, 'communications'],
      [calendarEntries, 'entries'],
      [calendarAttendees, 'attendees'],
      [tasks, 'tasks'],
      [activities, 'activities'],
      [conversations, 'conversations'],
      [conversationParticipants, 'participants'],
      [messages, 'messages'],
      [messageAttachments, 'attachments'],
      [shares, 'shares'],
    ] as const;
    // One commit for the whole world: on PostgreSQL each commit waits for the disk.
    await this.db.transaction(async (tx) => {
      for (const [table, name] of tables) {
        const values: object[] = [...rows[name], ...(name === 'identities' ? [] : second[name])];
        if (values.length > 0) await tx.insert(table).values(values as never);
      }
    });
  }

  private identityRows() {
    const people: { key: string; name: string }[] = [
      { key: 'identity:cc0', name: 'Co-counsel zero' },
      ...FIRMS.flatMap((firm) => [
        { key: `identity:f${firm}.firm`, name: `Firm ${firm} admin` },
        { key: `identity:f${firm}.cc1`, name: `Firm ${firm} co-counsel one` },
      ]),
    ];
    return people.map((person) => ({
      id: this.id(person.key),
      email: `${person.key.replace(/[^a-z0-9]/g, '-')}-${this.runTag}@model.test`,
      name: person.name,
    }));
  }

  private firmRows(firm: 0 | 1, f: FirmWorld) {
    const firmId = this.id(`firm:${firm}`);
    const key = (type: string, index: number) => this.id(keyOf(type, firm, index));
    const admin = this.membership(firm, 'firm');
    const contactIndices = Array.from({ length: f.contactCount }, (_, index) => index);
    return {
      firms: [{ id: firmId, name: `Model firm ${firm} ${this.runTag}` }],
      contacts: contactIndices.map((index) => ({
        id: key('contact', index),
        firmId,
        name: `Contact ${index}`,
        email: `contact-${firm}-${index}-${this.runTag}@model.test`,
        isCoCounsel: index < 2,
        isClient: index >= 2,
      })),
      memberships: [
        { id: admin, firmId, identityId: this.identity(firm, 'firm'), role: 'admin' as const },
        ...CO_COUNSEL_SLOTS.map((slot) => ({
          id: this.membership(firm, slot),
          firmId,
          identityId: this.identity(firm, slot),
          role: 'co_counsel' as const,
          contactId: key('contact', slot),
        })),
      ],
      matters: f.matters.map((matter, index) => ({
        id: key('matter', index),
        firmId,
        number: `M-${index}`,
        description: `Matter ${index}`,
        clientId: key('contact', matter.client),
      })),
      matterContacts: f.matters.flatMap((matter, index) =>
        matter.related.map((contact) => ({
          firmId,
          matterId: key('matter', index),
          contactId: key('contact', contact),
        })),
      ),
      folders: f.folders.map((folder, index) => this.folderRow(firm, index, folder)),
      documents: f.documents.map((document, index) => ({
        ...this.documentRow(firm, index, document),
        ...(document.state === 'incomplete'
          ? {}
          : { currentVersionId: this.id(`version:f${firm}.${index}`) }),
        ...(document.state === 'deleted' ? { deletedAt: new Date(), deletedByMembershipId: admin } : {}),
      })),
      versions: f.documents.flatMap((document, index) =>
        document.state === 'incomplete' ? [] : [this.versionRow(firm, index, document.uploadedBy)],
      ),
      notes: f.notes.map((note, index) => ({
        id: key('note', index),
        firmId,
        matterId: key('matter', note.matter),
        subject: `Note ${index}`,
        authorMembershipId: admin,
        date: '2026-03-01',
      })),
      communications: f.communications.map((log, index) => ({
        id: key('communication', index),
        firmId,
        matterId: key('matter', log.matter),
        type: 'phone_call' as const,
        subject: `Call ${index}`,
        occurredAt: new Date(FIRST_EVENT),
        createdByMembershipId: admin,
      })),
      entries: f.entries.map((entry, index) => ({
        id: key('calendar_entry', index),
        firmId,
        matterId: entry.matter === null ? null : key('matter', entry.matter),
        title: `Event ${index}`,
        startsAt: new Date(FIRST_EVENT + entry.startsAt * 3600_000),
        endsAt: new Date(FIRST_EVENT + entry.startsAt * 3600_000 + 1800_000),
        timeZone: 'UTC',
        createdByMembershipId: admin,
      })),
      attendees: f.entries.flatMap((entry, index) =>
        entry.attendees.map((contact) => this.attendeeRow(firm, index, contact)),
      ),
      tasks: f.tasks.map((task, index) => ({
        id: key('task', index),
        firmId,
        matterId: task.matter === null ? null : key('matter', task.matter),
        name: `Task ${index}`,
        createdByMembershipId: admin,
        ...this.assigneeColumns(firm, task.assignee),
      })),
      activities: f.activities.map((activity, index) => this.activityRow(firm, index, activity)),
      conversations: f.conversations.map((_, index) => ({
        id: key('conversation', index),
        firmId,
        subject: `Conversation ${index}`,
        createdByMembershipId: admin,
      })),
      participants: f.conversations.flatMap((conversation, index) => [
        { firmId, conversationId: key('conversation', index), membershipId: admin },
        ...conversation.contacts.map((contact) => this.participantRow(firm, index, contact)),
      ]),
      messages: f.conversations.map((_, index) => ({
        id: this.id(`message:f${firm}.${index}`),
        firmId,
        conversationId: key('conversation', index),
        authorMembershipId: admin,
        body: `Message ${index}`,
      })),
      attachments: f.conversations.flatMap((conversation, index) =>
        conversation.attachments.map((document) => this.attachmentRow(firm, index, document)),
      ),
      shares: f.shares.map((share) => this.shareRow(firm, share)),
    };
  }

  private folderRow(firm: number, index: number, folder: FirmWorld['folders'][number]) {
    return {
      id: this.id(keyOf('folder', firm, index)),
      firmId: this.id(`firm:${firm}`),
      matterId: this.id(keyOf('matter', firm, folder.matter)),
      parentId: folder.parent === null ? null : this.id(keyOf('folder', firm, folder.parent)),
      name: folder.parent === null ? 'Documents' : `Folder ${index}`,
      createdByMembershipId: folder.createdBy === 'firm' ? null : this.membership(firm, folder.createdBy),
    };
  }

  private documentRow(firm: number, index: number, document: FirmWorld['documents'][number]) {
    return {
      id: this.id(keyOf('document', firm, index)),
      firmId: this.id(`firm:${firm}`),
      matterId: this.id(keyOf('matter', firm, document.matter)),
      folderId: this.id(keyOf('folder', firm, document.folder)),
      name: `Document ${index}.pdf`,
      uploadedByMembershipId: this.membership(firm, document.uploadedBy),
    };
  }

  private versionRow(firm: number, index: number, uploadedBy: Author) {
    return {
      id: this.id(`version:f${firm}.${index}`),
      firmId: this.id(`firm:${firm}`),
      documentId: this.id(keyOf('document', firm, index)),
      number: 1,
      status: 'available' as const,
      blobKey: newId(),
      size: 1,
      sha256: SHA256,
      contentType: 'application/pdf',
      fileName: `Document ${index}.pdf`,
      uploadedByMembershipId: this.membership(firm, uploadedBy),
      availableAt: new Date(),
    };
  }

  private attendeeRow(firm: number, entry: number, contact: number) {
    return {
      firmId: this.id(`firm:${firm}`),
      entryId: this.id(keyOf('calendar_entry', firm, entry)),
      contactId: this.id(keyOf('contact', firm, contact)),
    };
  }

  private assigneeColumns(firm: number, assignee: Assignee) {
    return {
      assigneeContactId: typeof assignee === 'number' ? this.id(keyOf('contact', firm, assignee)) : null,
      assigneeMembershipId: assignee === 'firm' ? this.membership(firm, 'firm') : null,
    };
  }

  private activityRow(firm: number, index: number, activity: FirmWorld['activities'][number]) {
    return {
      id: this.id(keyOf('activity', firm, index)),
      firmId: this.id(`firm:${firm}`),
      matterId: this.id(keyOf('matter', firm, activity.matter)),
      date: '2026-03-02',
      durationSeconds: 1800,
      authorMembershipId: this.membership(firm, activity.author),
    };
  }

  private participantRow(firm: number, conversation: number, contact: number) {
    return {
      firmId: this.id(`firm:${firm}`),
      conversationId: this.id(keyOf('conversation', firm, conversation)),
      contactId: this.id(keyOf('contact', firm, contact)),
    };
  }

  private attachmentRow(firm: number, conversation: number, document: number) {
    return {
      firmId: this.id(`firm:${firm}`),
      messageId: this.id(`message:f${firm}.${conversation}`),
      documentId: this.id(keyOf('document', firm, document)),
    };
  }

  private shareTarget(firm: number, share: Share) {
    const id = this.id(keyOf(share.kind, firm, share.target));
    return share.kind === 'matter'
      ? { resourceType: 'matter' as const, matterId: id }
      : share.kind === 'folder'
        ? { resourceType: 'folder' as const, folderId: id }
        : { resourceType: 'document' as const, documentId: id };
  }

  private shareRow(firm: number, share: Share) {
    return {
      firmId: this.id(`firm:${firm}`),
      contactId: this.id(keyOf('contact', firm, share.slot)),
      createdByMembershipId: this.membership(firm, 'firm'),
      ...this.shareTarget(firm, share),
    };
  }

  /** Performs one step as the API would have: the same rows changed the same way. */
  async write(effect: Effect, world: World): Promise<void> {
    const { db } = this;
    const firm = effect.firm;
    const key = (type: string, index: number) => this.id(keyOf(type, firm, index));
    switch (effect.kind) {
      case 'share':
        await db.insert(shares).values(this.shareRow(firm, effect.share));
        return;
      case 'revoke': {
        // Stopping a share deletes its row.
        const target = this.shareTarget(firm, effect.share);
        const column =
          'matterId' in target ? shares.matterId : 'folderId' in target ? shares.folderId : shares.documentId;
        await db
          .delete(shares)
          .where(
            and(
              eq(shares.contactId, key('contact', effect.share.slot)),
              eq(column, key(effect.share.kind, effect.share.target)),
            ),
          );
        return;
      }
      case 'move_folder':
        await db
          .update(folders)
          .set({ parentId: key('folder', effect.parent) })
          .where(eq(folders.id, key('folder', effect.folder)));
        return;
      case 'move_document':
        await db
          .update(documents)
          .set({ folderId: key('folder', effect.folder) })
          .where(eq(documents.id, key('document', effect.document)));
        return;
      case 'set_deleted':
        await db
          .update(documents)
          .set(
            effect.deleted
              ? { deletedAt: new Date(), deletedByMembershipId: this.membership(firm, 'firm') }
              : { deletedAt: null, deletedByMembershipId: null },
          )
          .where(eq(documents.id, key('document', effect.document)));
        return;
      case 'upload': {
        const document = world.firms[firm].documents[effect.document];
        if (!document) throw new Error('upload: the world has no such document');
        await db.insert(documents).values({
          ...this.documentRow(firm, effect.document, document),
          currentVersionId: this.id(`version:f${firm}.${effect.document}`),
        });
        await db.insert(documentVersions).values(this.versionRow(firm, effect.document, effect.slot));
        return;
      }
      case 'create_folder': {
        const folder = world.firms[firm].folders[effect.folder];
        if (!folder) throw new Error('create_folder: the world has no such folder');
        await db.insert(folders).values(this.folderRow(firm, effect.folder, folder));
        return;
      }
      case 'assign_task':
        await db
          .update(tasks)
          .set(this.assigneeColumns(firm, effect.assignee))
          .where(eq(tasks.id, key('task', effect.task)));
        return;
      case 'set_attendee':
        if (effect.attends)
          await db.insert(calendarAttendees).values(this.attendeeRow(firm, effect.entry, effect.contact));
        else
          await db
            .delete(calendarAttendees)
            .where(
              and(
                eq(calendarAttendees.entryId, key('calendar_entry', effect.entry)),
                eq(calendarAttendees.contactId, key('contact', effect.contact)),
              ),
            );
        return;
      case 'log_time':
        await db
          .insert(activities)
          .values(this.activityRow(firm, effect.activity, { matter: effect.matter, author: effect.slot }));
        return;
      case 'set_participant':
        if (effect.takesPart)
          await db
            .insert(conversationParticipants)
            .values(this.participantRow(firm, effect.conversation, effect.contact));
        else
          await db
            .delete(conversationParticipants)
            .where(
              and(
                eq(conversationParticipants.conversationId, key('conversation', effect.conversation)),
                eq(conversationParticipants.contactId, key('contact', effect.contact)),
              ),
            );
        return;
      case 'attach':
        await db
          .insert(messageAttachments)
          .values(this.attachmentRow(firm, effect.conversation, effect.document));
        return;
    }
  }
}
