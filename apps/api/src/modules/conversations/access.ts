import { isExternal, type Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { authorize, scope } from '../../policy/policy';
import type { PersonColumns } from '../practice/people';
import * as repo from './repository';

export const NOT_FOUND = 'No such conversation.';

/** How the caller takes part in conversations: firm users as their membership, externals as their contact. */
export function personOf(principal: Principal): PersonColumns {
  return isExternal(principal.role) && principal.contactId
    ? { membershipId: null, contactId: principal.contactId }
    : { membershipId: principal.membershipId, contactId: null };
}

export function readerOf(principal: Principal): repo.Reader {
  return { person: personOf(principal), membershipId: principal.membershipId };
}

/** A conversation the caller sees (firm users: the firm's; externals: those they take part in), or 404. */
export async function visibleConversation(
  db: Db,
  principal: Principal,
  conversationId: string,
): Promise<repo.ConversationWithUnread> {
  const row = await repo.findConversation(
    db,
    scope(principal, 'conversation'),
    readerOf(principal),
    conversationId,
  );
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

/**
 * A visible conversation the caller may act on: `write` is posting (any participant, and any
 * firm user), `manage` is renaming and managing participants (firm users only; 403 for co-counsel).
 */
export async function conversationFor(
  db: Db,
  principal: Principal,
  conversationId: string,
  action: 'write' | 'manage',
): Promise<repo.ConversationWithUnread> {
  const row = await visibleConversation(db, principal, conversationId);
  authorize(principal, { type: 'conversation', firmId: row.firmId }, NOT_FOUND, action);
  return row;
}
