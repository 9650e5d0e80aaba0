import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type PrincipalKind, principalKinds, type World } from './world';

/** One row of the access matrix: a route, how to call it, and what each kind of caller must get. */
export interface RouteCase {
  /** `METHOD /url` exactly as registered, e.g. `GET /api/v1/users/:id`. */
  route: string;
  /** Tells variants of one route apart (own resource, other firm's, …). */
  label?: string;
  request(world: World, who: PrincipalKind): InjectOptions;
  /** Every kind's expected status: 2xx for allowed cells, 401/403/404 for denied ones. */
  expect: Record<PrincipalKind, number>;
  /** The call ends or spends the caller's session (logout, refresh, switch, password): sign in again after. */
  endsSessions?: boolean;
  /** Makes what one cell's request needs just before it is sent, e.g. a link that expires within minutes. */
  before?(world: World, who: PrincipalKind): Promise<void>;
  /** Asserts what an allowed cell answered, e.g. that a list holds only what the caller may see. */
  check?(response: LightMyRequestResponse, world: World, who: PrincipalKind): void;
  /** Makes what the row's requests refer to (an invitation, a link's token); runs once, after the world. */
  setup?(world: World): Promise<void>;
}

/** The caller's credentials: bearer token and refresh cookie (none for anonymous). */
export function credentials(world: World, who: PrincipalKind): Record<string, string> {
  const session = world.sessions[who];
  return session ? { ...session.auth, cookie: session.cookie } : {};
}

/** The same status for every kind of caller (public routes). */
export function everyone(status: number): Record<PrincipalKind, number> {
  return Object.fromEntries(principalKinds.map((kind) => [kind, status])) as Record<PrincipalKind, number>;
}

/** `status` for every signed-in kind; 401 for anonymous callers and deactivated memberships. */
export function signedIn(status: number): Record<PrincipalKind, number> {
  return { ...everyone(status), anonymous: 401, deactivated_user: 401 };
}

/** `status` for the listed kinds, 404 for other signed-in kinds, 401 for the unauthenticated. */
export function only(kinds: readonly PrincipalKind[], status: number): Record<PrincipalKind, number> {
  const result = signedIn(404);
  for (const kind of kinds) result[kind] = status;
  return result;
}

/** The demo firm's own users. */
export const demoUsers = ['admin', 'attorney', 'staff'] as const;

/** The second firm's admins: its own, and the identity that is co-counsel at the demo firm but acts here. */
export const otherFirmAdmins = ['other_firm_admin', 'firm_user_elsewhere'] as const;

/** Every firm's users, each acting in its own firm: the demo firm's and the second firm's admins. */
export const firmUsers = [...demoUsers, ...otherFirmAdmins] as const;

/** Every co-counsel kind: the one holding the world's shares, and three that see none of them. */
export const coCounselKinds = [
  'co_counsel',
  'co_counsel_unshared',
  'co_counsel_revoked',
  'co_counsel_other_firm',
] as const;

/** Every client kind: the world portal's client and related contact, the removed client, another portal's. */
export const clientKinds = ['client', 'client_removed', 'client_other_portal', 'portal_contact'] as const;

/** The externals taking part in the world's portal: they see it and what is shared into it. */
export const portalReaders = ['client', 'portal_contact'] as const;

/** The firm a kind acts in: the second firm's admins and co-counsel there; everyone else the demo firm. */
export function firmOf(who: PrincipalKind): 'demo' | 'other' {
  return who === 'co_counsel_other_firm' || (otherFirmAdmins as readonly string[]).includes(who)
    ? 'other'
    : 'demo';
}

/** `expected` with each of `kinds` set to `status`, e.g. co-counsel refused (403) on a visible collection. */
export function but(
  expected: Record<PrincipalKind, number>,
  kinds: readonly PrincipalKind[],
  status: number,
): Record<PrincipalKind, number> {
  const result = { ...expected };
  for (const kind of kinds) result[kind] = status;
  return result;
}
