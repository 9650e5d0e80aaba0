import { ApiError } from '@chambers/api-client/api-error';
import { createSessionStore } from '@chambers/api-client/session-store';
import type { Session } from '@chambers/contracts/auth';
import type { AcceptInvitation, InvitationPreview } from '@chambers/contracts/invitations';
import { act, type ReactNode, useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import {
  type AcceptInvitationMutation,
  InvitationPage,
  type InvitationQuery,
  useInvitationAcceptance,
} from './invitation-page';
import { SessionProvider } from './session';
import { getByLabel, render, typeInto } from './test/render';
import { fakeSession } from './test/sessions';

const preview: InvitationPreview = {
  firm_name: 'Demo Firm LLP',
  invited_by_name: 'Avery Admin',
  email: 'new.staff@demo-firm.test',
  role: 'staff',
  portal: 'manage',
  shared: null,
  expires_at: '2031-01-01T00:00:00.000Z',
  identity_exists: false,
};

const idle: AcceptInvitationMutation = { isPending: false, error: null, mutate: () => {} };
const loaded = (data: InvitationPreview): InvitationQuery => ({ data, error: null, isPending: false });

/** Fails the page's accept mutation from outside, the way a 400 from the API would. */
let fail: (error: unknown) => void = () => {};
function FailingHarness() {
  const [error, setError] = useState<unknown>(null);
  fail = setError;
  return (
    <InvitationPage
      product="Chambers"
      invitation={loaded(preview)}
      accept={{ ...idle, error }}
      signInPath="/sign-in"
    />
  );
}

const acceptedSession: Session = fakeSession({ role: 'staff' });
let probed: ReturnType<typeof useInvitationAcceptance> | undefined;
function AcceptanceProbe() {
  probed = useInvitationAcceptance({ mutationFn: async () => acceptedSession }, '/');
  return <p>probe</p>;
}

function inRouter(element: ReactNode, store = createSessionStore()) {
  const router = createMemoryRouter(
    [
      { path: '/invitations/:token', element },
      { path: '/', element: <h1>Home</h1> },
      { path: '/sign-in', element: <h1>Sign in</h1> },
    ],
    { initialEntries: ['/invitations/abc'] },
  );
  const rendered = render(
    <SessionProvider store={store}>
      <RouterProvider router={router} />
    </SessionProvider>,
  );
  return { ...rendered, router, store };
}

function page(invitation: InvitationQuery, accept: AcceptInvitationMutation = idle) {
  return inRouter(
    <InvitationPage product="Chambers" invitation={invitation} accept={accept} signInPath="/sign-in" />,
  );
}

const submit = (container: HTMLElement) => act(() => container.querySelector('form')?.requestSubmit());

describe('InvitationPage', () => {
  it('shows a loader while the invitation loads', () => {
    const { container } = page({ data: undefined, error: null, isPending: true });
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Loading the invitation');
  });

  it('says a used or expired link is no longer valid, with a way to sign in', () => {
    const gone = new ApiError({ status: 404, code: 'not_found', title: 'Not found' });
    const { container } = page({ data: undefined, error: gone, isPending: false });
    expect(container.querySelector('h1')?.textContent).toBe('This invitation link is no longer valid');
    expect(container.querySelector('a[href="/sign-in"]')).not.toBeNull();
  });

  it('says who invited whom to what, and asks a new person for a name and a new password', () => {
    const mutate = vi.fn<(body: AcceptInvitation) => void>();
    const shared = { type: 'matter', id: 'x', label: 'Acme v. Beta' };
    const { container } = page(loaded({ ...preview, shared }), { ...idle, mutate });

    expect(container.textContent).toContain(
      'Avery Admin invited you (new.staff@demo-firm.test) to Demo Firm LLP as staff.',
    );
    expect(container.textContent).toContain('Acme v. Beta');
    expect(document.title).toBe('Accept invitation · Chambers');
    const email = getByLabel(container, 'Email');
    expect(email.value).toBe('new.staff@demo-firm.test');
    expect(email.autocomplete).toBe('username');
    const password = getByLabel(container, 'Password');
    expect(password.autocomplete).toBe('new-password');
    expect(getByLabel(container, 'Confirm password').autocomplete).toBe('new-password');

    typeInto(getByLabel(container, 'Your name'), '  Sam Staff ');
    typeInto(password, 'a long passphrase');
    typeInto(getByLabel(container, 'Confirm password'), 'a long passphrase');
    submit(container);
    expect(mutate).toHaveBeenCalledWith({ name: 'Sam Staff', password: 'a long passphrase' });
  });

  it('does not send passwords that do not match', () => {
    const mutate = vi.fn<(body: AcceptInvitation) => void>();
    const { container } = page(loaded(preview), { ...idle, mutate });
    typeInto(getByLabel(container, 'Your name'), 'Sam Staff');
    typeInto(getByLabel(container, 'Password'), 'a long passphrase');
    typeInto(getByLabel(container, 'Confirm password'), 'another passphrase');
    submit(container);
    expect(mutate).not.toHaveBeenCalled();
    expect(container.textContent).toContain('The passwords do not match');
  });

  it('asks a person who already signs in for the current password only', () => {
    const mutate = vi.fn<(body: AcceptInvitation) => void>();
    const { container } = page(loaded({ ...preview, identity_exists: true }), { ...idle, mutate });
    expect(container.querySelector('h1')?.textContent).toBe('Sign in to accept');
    expect(() => getByLabel(container, 'Your name')).toThrow();
    const password = getByLabel(container, 'Your password');
    expect(password.autocomplete).toBe('current-password');
    typeInto(password, 'my password');
    submit(container);
    expect(mutate).toHaveBeenCalledWith({ password: 'my password' });
  });

  it("shows the API's problem in an alert and keeps what was typed", () => {
    const tooCommon = new ApiError({
      status: 400,
      code: 'validation_failed',
      title: 'Invalid request',
      detail: 'This password is among the most commonly used; choose another.',
      errors: [{ path: '/password', message: 'is too common' }],
    });
    const { container } = inRouter(<FailingHarness />);
    typeInto(getByLabel(container, 'Your name'), 'Sam Staff');
    typeInto(getByLabel(container, 'Password'), 'password');
    typeInto(getByLabel(container, 'Confirm password'), 'password');
    act(() => fail(tooCommon));

    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'This password is among the most commonly used; choose another.',
    );
    expect(container.textContent).toContain('is too common');
    expect(getByLabel(container, 'Your name').value).toBe('Sam Staff');
    expect(getByLabel(container, 'Password').value).toBe('password');
  });
});

describe('useInvitationAcceptance', () => {
  it('keeps the session the API answered with and opens home', async () => {
    const store = createSessionStore();
    const { router } = inRouter(<AcceptanceProbe />, store);
    await act(async () => {
      await probed?.mutateAsync({ name: 'Sam', password: 'a long passphrase' });
    });
    expect(store.get()).toBe(acceptedSession);
    expect(router.state.location.pathname).toBe('/');
  });
});
