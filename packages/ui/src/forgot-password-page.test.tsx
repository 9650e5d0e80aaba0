import { ApiError } from '@chambers/api-client/api-error';
import { act } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ForgotPasswordPage, type RequestPasswordResetMutation } from './forgot-password-page';
import { render } from './test/render';

const idle: RequestPasswordResetMutation = {
  isPending: false,
  isSuccess: false,
  error: null,
  mutate: () => {},
};

function page(request: RequestPasswordResetMutation) {
  const router = createMemoryRouter(
    [
      {
        path: '/forgot-password',
        element: <ForgotPasswordPage product="Chambers" request={request} signInPath="/sign-in" />,
      },
    ],
    { initialEntries: ['/forgot-password'] },
  );
  return render(<RouterProvider router={router} />);
}

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('ForgotPasswordPage', () => {
  it('sends the typed address, trimmed', () => {
    const mutate = vi.fn<(email: string) => void>();
    const { container } = page({ ...idle, mutate });
    expect(container.querySelector('h1')?.textContent).toBe('Forgot your password?');
    expect(document.title).toBe('Forgot password · Chambers');
    const email = container.querySelector<HTMLInputElement>('input[name="email"]');
    if (!email) throw new Error('no email field');
    type(email, '  someone@example.test ');
    act(() => container.querySelector('form')?.requestSubmit());
    expect(mutate).toHaveBeenCalledWith('someone@example.test');
  });

  it('answers the same for any address once sent', () => {
    const { container } = page({ ...idle, isSuccess: true });
    expect(container.querySelector('h1')?.textContent).toBe('Check your inbox');
    expect(container.textContent).toContain('If an account exists for');
    expect(container.querySelector('a[href="/sign-in"]')).not.toBeNull();
  });

  it("shows the API's problem, e.g. too many requests", () => {
    const error = new ApiError({
      status: 429,
      code: 'rate_limited',
      title: 'Too many requests; try again later.',
      detail: 'Rate limit exceeded; retry in 15 minutes.',
    });
    const { container } = page({ ...idle, error });
    expect(container.textContent).toContain('Rate limit exceeded; retry in 15 minutes.');
  });
});
