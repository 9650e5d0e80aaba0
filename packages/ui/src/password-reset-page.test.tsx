import { ApiError } from '@chambers/api-client/api-error';
import { createSessionStore } from '@chambers/api-client/session-store';
import { act } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { type ConfirmPasswordResetMutation, PasswordResetPage } from './password-reset-page';
import { SessionProvider } from './session';
import { SignInPage } from './sign-in-page';
import { render } from './test/render';

const idle: ConfirmPasswordResetMutation = { isPending: false, error: null, mutate: () => {} };

function page(confirm: ConfirmPasswordResetMutation) {
  const router = createMemoryRouter(
    [
      {
        path: '/password-reset/:token',
        element: (
          <PasswordResetPage
            product="Chambers Connect"
            confirm={confirm}
            signInPath="/sign-in"
            forgotPasswordPath="/forgot-password"
          />
        ),
      },
    ],
    { initialEntries: ['/password-reset/tok'] },
  );
  return render(<RouterProvider router={router} />);
}

function type(container: HTMLElement, name: string, value: string) {
  const input = container.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input?.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const submit = (container: HTMLElement) => act(() => container.querySelector('form')?.requestSubmit());

describe('PasswordResetPage', () => {
  it('states the password rules and sends the new password when both fields agree', () => {
    const mutate = vi.fn<(password: string) => void>();
    const { container } = page({ ...idle, mutate });
    expect(container.querySelector('h1')?.textContent).toBe('Choose a new password');
    expect(container.textContent).toContain('8 to 128 characters');
    type(container, 'new-password', 'a brand new passphrase');
    type(container, 'confirm-password', 'a brand new passphrase!');
    submit(container);
    expect(mutate).not.toHaveBeenCalled();
    expect(container.textContent).toContain('The passwords do not match');
    type(container, 'confirm-password', 'a brand new passphrase');
    submit(container);
    expect(mutate).toHaveBeenCalledWith('a brand new passphrase');
  });

  it("shows the API's password rule on the field", () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      title: 'The request is invalid.',
      errors: [{ path: 'body/password', message: 'is too common' }],
    });
    const { container } = page({ ...idle, error });
    expect(container.textContent).toContain('is too common');
  });

  it('says a used or expired link is no longer valid, with a way to ask for a new one', () => {
    const error = new ApiError({ status: 404, code: 'not_found', title: 'Not found.' });
    const { container } = page({ ...idle, error });
    expect(container.querySelector('h1')?.textContent).toBe('This link is no longer valid');
    expect(container.querySelector('a[href="/forgot-password"]')?.textContent).toBe('Ask for a new link');
    expect(container.querySelector('form')).toBeNull();
  });
});

describe('SignInPage after a reset', () => {
  it('links to the forgot-password page and says when the password was just changed', () => {
    const router = createMemoryRouter(
      [
        {
          path: '/sign-in',
          element: (
            <SignInPage
              title="Sign in to Chambers"
              login={{ isPending: false, error: null, mutate: () => {} }}
              otherApp={{ prompt: 'Client?', label: 'Connect', href: '/connect/' }}
              homePath="/"
              signInPath="/sign-in"
            />
          ),
        },
      ],
      { initialEntries: [{ pathname: '/sign-in', state: { passwordReset: true } }] },
    );
    const { container } = render(
      <SessionProvider store={createSessionStore()}>
        <RouterProvider router={router} />
      </SessionProvider>,
    );
    expect(container.querySelector('a[href="/forgot-password"]')?.textContent).toBe('Forgot password?');
    expect(container.textContent).toContain('Your password is changed');
  });
});
