import { expect } from 'vitest';
import { type ApiAs, apiAs } from './api';
import { demoAdmin, demoSharing } from './demo';
import { linkMailedTo } from './mailbox';

/** A login a journey made for itself, so it may change it without touching the seeded ones. */
export interface FreshLogin {
  email: string;
  password: string;
  name: string;
}

/**
 * The demo admin's API session, one per server for a test file: `POST /api/v1/auth/login` allows
 * 20 sign-ins a minute from one address, and every journey comes from 127.0.0.1. (Access tokens
 * last 15 minutes, longer than a file's journeys.)
 */
const admins = new Map<string, Promise<ApiAs>>();
function adminApi(baseUrl: string): Promise<ApiAs> {
  let admin = admins.get(baseUrl);
  if (!admin) {
    admin = apiAs(baseUrl, demoAdmin);
    admins.set(baseUrl, admin);
  }
  return admin;
}

/**
 * Accepts the invitation mailed to `email` through `POST /api/v1/invitations/{token}`, making a
 * login with this name and password. `linkPrefix` is the path of the mailed link (Manage's
 * `/invitations/…` or Connect's `/connect/invitations/…`).
 */
export async function acceptInvitation(
  baseUrl: string,
  email: string,
  linkPrefix: RegExp,
  { name, password }: { name: string; password: string },
): Promise<void> {
  const link = await linkMailedTo(baseUrl, email, linkPrefix);
  const token = link.split('/').pop()?.split('?')[0] ?? '';
  const accepted = await fetch(`${baseUrl}/api/v1/invitations/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  expect(accepted.status, `accepting the invitation of ${email}`).toBe(200);
}

/**
 * A fresh co-counsel of the demo firm, who signs in to Connect: the demo admin makes a co-counsel
 * contact with this email, shares a matter with it (the first shared demo matter), and the mailed
 * invitation is accepted through the API with this password. The login's name is first and last.
 */
export async function freshCoCounsel(
  baseUrl: string,
  who: { email: string; password: string; firstName: string; lastName: string },
): Promise<FreshLogin> {
  const name = `${who.firstName} ${who.lastName}`;
  const admin = await adminApi(baseUrl);
  const contact = await admin.call<{ data: { id: string } }>('POST', '/api/v1/contacts', {
    kind: 'person',
    first_name: who.firstName,
    last_name: who.lastName,
    emails: [{ address: who.email, label: 'work' }],
    is_co_counsel: true,
  });
  expect(contact.status, 'POST /api/v1/contacts').toBe(201);
  const matters = await admin.all<{ id: string; description: string }>('/api/v1/matters');
  const matter = matters.find((m) => m.description === demoSharing.sharedMatters[0]);
  if (!matter) throw new Error(`no matter ${demoSharing.sharedMatters[0]}`);
  const shared = await admin.call('POST', '/api/v1/shares', {
    contact_id: contact.body.data.id,
    matter_id: matter.id,
  });
  expect(shared.status, 'POST /api/v1/shares').toBe(201);
  await acceptInvitation(baseUrl, who.email, /^\/connect\/invitations\//, { name, password: who.password });
  return { email: who.email, password: who.password, name };
}
