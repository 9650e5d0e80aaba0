import type { MembershipRole } from '@chambers/contracts/auth';
import type { Principal } from '../auth/principal';

/** The permission vocabulary: what a role may do at all. Object-level rules live in `policy.ts`. */
export const permissionDescriptions = {
  authenticated: 'Any signed-in principal, acting on its own identity and session.',
  'users:read': "See the firm's users.",
  'users:manage': 'Invite firm users, change their roles, deactivate them.',
  'api_tokens:manage': 'Create, list and revoke your own API tokens.',
  'audit:read': "Read the firm's audit log.",
  'contacts:read': "See the firm's contacts.",
  'contacts:write': 'Create, edit and delete contacts.',
  'matters:read': 'See matters and their related contacts.',
  'matters:write': 'Open, edit, close and delete matters.',
  'rates:read': 'See billing methods and rates (never granted to externals).',
  'notes:read': "See a matter's notes.",
  'notes:write': 'Write, edit and delete notes.',
  'communications:read': "See a matter's phone and email logs.",
  'communications:write': 'Log, edit and delete phone calls and emails.',
  'calendar:read': 'See calendar entries.',
  'calendar:write': 'Create, edit and delete calendar entries.',
  'tasks:read': 'See tasks.',
  'tasks:write': 'Create, assign, edit and delete tasks.',
  'activities:read': 'See time entries and matter totals.',
  'activities:write': 'Log, edit and delete time entries.',
  'documents:read': 'See folders and documents, their versions, and download them.',
  'documents:write': 'Upload, rename, move, delete and restore folders and documents.',
  'bills:read': 'See bills.',
  'bills:manage': 'Draft, issue, void and mark bills paid.',
  'firm:manage': "Change the firm's settings (e.g. whether share notices are mailed).",
  'shares:read': 'See what is shared with co-counsel, and their recent access.',
  'shares:write': 'Share matters, folders and documents with co-counsel, and stop sharing.',
  'conversations:read': 'See secure conversations (externals: those they take part in).',
  'conversations:write': 'Start conversations, post messages, and manage participants.',
  'portals:read':
    'See client portals (externals: those they take part in), their messages and shared resources.',
  'portals:write':
    'Create client portals, manage their participants and shared resources, delete messages, close and reopen them.',
} as const;

export type Permission = keyof typeof permissionDescriptions;

const everyone: readonly Permission[] = ['authenticated'];
/** What every firm user does with the practice's records. */
const practice: readonly Permission[] = [
  'contacts:read',
  'contacts:write',
  'matters:read',
  'matters:write',
  'rates:read',
  'notes:read',
  'notes:write',
  'communications:read',
  'communications:write',
  'calendar:read',
  'calendar:write',
  'tasks:read',
  'tasks:write',
  'activities:read',
  'activities:write',
  'documents:read',
  'documents:write',
  'bills:read',
  'shares:read',
  'shares:write',
  'conversations:read',
  'conversations:write',
  'portals:read',
  'portals:write',
];
const firmUser: readonly Permission[] = [...everyone, 'users:read', 'api_tokens:manage', ...practice];

/**
 * What co-counsel may call at all. Which rows it sees and what it may do to them is narrowed by
 * the policy (`scope`, `can`) to what is shared with it; it never holds rates, bills or sharing.
 */
const coCounsel: readonly Permission[] = [
  ...everyone,
  'contacts:read',
  'matters:read',
  'notes:read',
  'communications:read',
  'calendar:read',
  'tasks:read',
  'activities:read',
  'activities:write',
  'documents:read',
  'documents:write',
  'conversations:read',
  'conversations:write',
  'portals:read',
];

/**
 * What a client may call at all: its portals (their messages, shared resources and uploads) and
 * the documents shared into them. `scope` narrows every row to the portals it takes part in.
 */
const client: readonly Permission[] = [...everyone, 'portals:read', 'documents:read'];

/** Which permissions each role holds. */
export const roleGrants: Record<MembershipRole, readonly Permission[]> = {
  admin: [...firmUser, 'users:manage', 'audit:read', 'bills:manage', 'firm:manage'],
  attorney: [...firmUser, 'bills:manage'],
  staff: firmUser,
  co_counsel: coCounsel,
  client,
};

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return roleGrants[principal.role].includes(permission);
}
