import type { LoginRequest, Session } from '@chambers/contracts/auth';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { portalLoginOptions, usePortalLogin } from './portal-login';
import { createSessionStore, SessionProvider } from './session';
import { render } from './test/render';
import { fakeSession } from './test/sessions';

const credentials: LoginRequest = { email: 'admin@demo-firm.test', password: 'secret' };

/** Manage's login, against a fake API that answers with `answer`. */
let answer: Session;
const manageLogin = portalLoginOptions({
  login: async () => answer,
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

describe('usePortalLogin', () => {
  it('keeps the session of a membership of its own portal', async () => {
    const session = fakeSession({ portal: 'manage' });
    const { store, outcome } = await signInToManage(session);
    expect(outcome).toBeNull();
    expect(store.get()).toBe(session);
  });

  it('turns away a membership of the other portal, saying where it signs in', async () => {
    const { store, outcome } = await signInToManage(fakeSession({ portal: 'connect' }));
    expect(outcome).toEqual(new Error('This account signs in to Chambers Connect.'));
    expect(store.get()).toBeNull();
  });
});
