import { ApiError } from '@chambers/api-client/api-error';
import { act } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { type ConfirmEmailChangeMutation, EmailChangePage } from './email-change-page';
import { render } from './test/render';

const idle: ConfirmEmailChangeMutation = {
  isPending: false,
  isSuccess: false,
  error: null,
  mutate: () => {},
};

function page(confirm: ConfirmEmailChangeMutation) {
  const router = createMemoryRouter(
    [
      {
        path: '/email-change/:token',
        element: (
          <EmailChangePage product="Chambers Connect" token="tok" confirm={confirm} signInPath="/sign-in" />
        ),
      },
    ],
    { initialEntries: ['/email-change/tok'] },
  );
  return render(<RouterProvider router={router} />);
}

const button = (container: HTMLElement) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === 'Confirm new email');

describe('EmailChangePage', () => {
  it('waits for the button before confirming, then sends the token', () => {
    const mutate = vi.fn<(token: string) => void>();
    const { container } = page({ ...idle, mutate });
    expect(container.querySelector('h1')?.textContent).toBe('Confirm new email');
    expect(document.title).toBe('Confirm new email · Chambers Connect');
    expect(mutate).not.toHaveBeenCalled();
    act(() => button(container)?.click());
    expect(mutate).toHaveBeenCalledWith('tok');
  });

  it('says the email is changed, with a way to sign in', () => {
    const { container } = page({ ...idle, isSuccess: true });
    expect(container.querySelector('h1')?.textContent).toBe('Your login email is now changed');
    expect(container.textContent).toContain('Sign in with the new address');
    expect(container.querySelector('a[href="/sign-in"]')).not.toBeNull();
  });

  it('says a used or expired link is no longer valid', () => {
    const error = new ApiError({ status: 404, code: 'not_found', title: 'Not found' });
    const { container } = page({ ...idle, error });
    expect(container.querySelector('h1')?.textContent).toBe('This link is no longer valid');
    expect(button(container)).toBeUndefined();
  });

  it("shows the API's problem when the address was taken meanwhile", () => {
    const error = new ApiError({
      status: 409,
      code: 'conflict',
      title: 'Conflict',
      detail: 'Another account now uses this address.',
    });
    const { container } = page({ ...idle, error });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'Another account now uses this address.',
    );
  });
});
