import { createSessionStore } from '@chambers/api-client/session-store';
import type { LoginRequest, MembershipSummary, Session } from '@chambers/contracts/auth';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { portalLoginOptions, usePortalLogin } from './portal-login';
import { SessionProvider } from './session';
import { render } from './test/render';
import { fakeSession } from './test/sessions';

const credentials: LoginRequest = { email: 'admin@demo-firm.test', password: 'secret' };

/** A fake API: login answers `answer`; the person has `accounts`; switching opens a session there. */
let answer: Session;
let accounts: MembershipSummary[];
const api = {
  accountsOf: vi.fn(async (_session: Session) => accounts),
  switchFrom: vi.fn(async (_session: Session, membershipId: string) => {
    const account = accounts.find((candidate) => candidate.id === membershipId);
    if (!account) throw new Error('no such account');
    return { ...fakeSession(account), access_token: 'switched' };
  }),
  endSession: vi.fn(async (_session: Session) => {}),
};

const manageLogin = portalLoginOptions({
  login: async () => answer,
  ...api,
  portal: 'manage',
  wrongPortalMessage: 'This account signs in to Chambers Connect.',
});

const probe: { login?: ReturnType<typeof usePortalLogin> } = {};
function Probe() {
  probe.login = usePortalLogin(manageLogin);
  return null;
}

/** Signs in through the hook as Manage does; resolves to the store and the error, if any. */
async function signInToManage(session: Session) {
  answer = session;
  const store = createSessionStore();
  render(
    <SessionProvider store={store}>
      <Probe />
    </SessionProvider>,
  );
  const outcome = await act(() =>
    probe.login?.mutateAsync(credentials).then(
      () => null,
      (error) => error,
    ),
  );
  return { store, outcome };
}

const firmAccount = fakeSession({ id: 'firm', portal: 'manage', role: 'attorney' }).membership;
const coCounselAccount = fakeSession({
  id: 'harbor',
  firm_name: 'Harbor & Vale LLP',
  portal: 'connect',
  role: 'co_counsel',
}).membership;

beforeEach(() => {
  vi.clearAllMocks();
  accounts = [];
});

describe('usePortalLogin', () => {
  it('keeps the session of a membership of its own portal', async () => {
    const session = fakeSession({ portal: 'manage' });
    const { store, outcome } = await signInToManage(session);
    expect(outcome).toBeNull();
    expect(store.get()).toBe(session);
    expect(api.accountsOf).not.toHaveBeenCalled();
  });

  it("switches to the person's account of its own portal when login picked the other one", async () => {
    accounts = [firmAccount, coCounselAccount];
    const viaConnect = fakeSession(coCounselAccount);
    const { store, outcome } = await signInToManage(viaConnect);

    expect(outcome).toBeNull();
    expect(api.accountsOf).toHaveBeenCalledWith(viaConnect);
    expect(api.switchFrom).toHaveBeenCalledWith(viaConnect, 'firm');
    expect(store.get()?.membership).toEqual(firmAccount);
    expect(api.endSession).not.toHaveBeenCalled();
  });

  it('turns away a person with no account of its portal, ending the session it did not keep', async () => {
    const client = fakeSession({ portal: 'connect', role: 'client' });
    accounts = [client.membership];
    const { store, outcome } = await signInToManage(client);

    expect(outcome).toEqual(new Error('This account signs in to Chambers Connect.'));
    expect(api.endSession).toHaveBeenCalledWith(client);
    expect(store.get()).toBeNull();
  });

  it('ends the session it could not look into', async () => {
    api.accountsOf.mockRejectedValueOnce(new Error('offline'));
    const client = fakeSession({ portal: 'connect', role: 'client' });
    const { store, outcome } = await signInToManage(client);

    expect(outcome).toEqual(new Error('offline'));
    expect(api.endSession).toHaveBeenCalledWith(client);
    expect(store.get()).toBeNull();
  });
});
