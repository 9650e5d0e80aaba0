import { ApiError } from '@chambers/api-client/api-error';
import type { LoginRequest } from '@chambers/contracts/auth';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { describeSignInError, SignInForm } from './sign-in-form';
import { getByLabel, render, typeInto } from './test/render';

const wrongPassword = new ApiError({
  status: 401,
  code: 'invalid_credentials',
  title: 'Sign-in failed',
  detail: 'The email or password is wrong.',
});

describe('SignInForm', () => {
  it('labels its fields and tells password managers what they are', () => {
    const { container } = render(<SignInForm title="Sign in to Chambers" onSubmit={() => {}} />);

    expect(container.querySelector('h1')?.textContent).toBe('Sign in to Chambers');
    const email = getByLabel(container, 'Email');
    const password = getByLabel(container, 'Password');
    expect(email.type).toBe('email');
    expect(email.autocomplete).toBe('username');
    expect(email.required).toBe(true);
    expect(password.type).toBe('password');
    expect(password.autocomplete).toBe('current-password');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('submits the trimmed email and the password as typed', () => {
    const onSubmit = vi.fn<(credentials: LoginRequest) => void>();
    const { container } = render(<SignInForm title="Sign in" onSubmit={onSubmit} />);

    typeInto(getByLabel(container, 'Email'), '  admin@demo-firm.test ');
    typeInto(getByLabel(container, 'Password'), ' secret ');
    act(() => container.querySelector('form')?.requestSubmit());

    expect(onSubmit).toHaveBeenCalledWith({ email: 'admin@demo-firm.test', password: ' secret ' });
  });

  it("shows the API's problem in an alert", () => {
    const { container } = render(<SignInForm title="Sign in" onSubmit={() => {}} error={wrongPassword} />);

    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Sign-in failed');
    expect(alert?.textContent).toContain('The email or password is wrong.');
  });

  it('gives focus back to the password once a submission failed', () => {
    const { container, rerender } = render(<SignInForm title="Sign in" onSubmit={() => {}} pending />);
    rerender(<SignInForm title="Sign in" onSubmit={() => {}} error={wrongPassword} />);
    expect(document.activeElement).toBe(getByLabel(container, 'Password'));
  });

  it('disables the form while submitting', () => {
    const onSubmit = vi.fn();
    const { container } = render(<SignInForm title="Sign in" onSubmit={onSubmit} pending />);

    expect(getByLabel(container, 'Email').disabled).toBe(true);
    expect(getByLabel(container, 'Password').disabled).toBe(true);
    expect(container.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(true);
  });
});

describe('describeSignInError', () => {
  it('is empty without an error', () => {
    expect(describeSignInError(null)).toBeNull();
    expect(describeSignInError(undefined)).toBeNull();
  });

  it("puts the problem's field errors on the fields", () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      title: 'Invalid request',
      detail: 'Check the highlighted fields.',
      errors: [
        { path: '/email', message: 'must be an email address' },
        { path: 'body/password', message: 'is required' },
        { path: '/other', message: 'ignored' },
      ],
    });
    expect(describeSignInError(error)).toEqual({
      title: 'Invalid request',
      detail: 'Check the highlighted fields.',
      fields: { email: 'must be an email address', password: 'is required' },
    });
  });

  it('shows the message of an error raised by the app itself', () => {
    expect(describeSignInError(new Error('This account signs in to Chambers Connect.'))).toEqual({
      title: 'Sign-in failed',
      detail: 'This account signs in to Chambers Connect.',
      fields: {},
    });
  });
});
