import { ApiError } from '@chambers/api-client/api-error';
import type { MembershipSummary } from '@chambers/contracts/auth';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render } from './test/render';
import { fakeSession } from './test/sessions';
import { accountsToList, UserMenu, type UserMenuProps } from './user-menu';

const firm = fakeSession({ id: 'firm', role: 'attorney' }).membership;
const harbor: MembershipSummary = {
  id: 'harbor',
  firm_id: 'f2',
  firm_name: 'Harbor & Vale LLP',
  role: 'co_counsel',
  portal: 'connect',
};
const me = { name: 'Morgan Multi', email: 'morgan@demo-firm.test' };
const appNames = { manage: 'Chambers', connect: 'Chambers Connect' };

function renderMenu(props: Partial<UserMenuProps> = {}) {
  const handlers = { onSwitch: vi.fn(), onSignOut: vi.fn(), onDismissError: vi.fn() };
  const { container } = render(
    <UserMenu
      current={firm}
      me={me}
      accounts={{ data: [firm, harbor], isError: false }}
      appNames={appNames}
      {...handlers}
      {...props}
    />,
  );
  return { container, ...handlers };
}

/** Opens the menu by its button; the dropdown renders in a portal once its transition starts. */
async function open(container: HTMLElement): Promise<HTMLElement> {
  const button = container.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]');
  if (!button) throw new Error('no menu button');
  act(() => button.click());
  return vi.waitFor(async () => {
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const menu = document.querySelector<HTMLElement>('[role="menu"]');
    if (!menu) throw new Error('the menu did not open');
    return menu;
  });
}

const items = (menu: HTMLElement, role: string) => [
  ...menu.querySelectorAll<HTMLElement>(`[role="${role}"]`),
];

describe('UserMenu', () => {
  it('names the person and the current account on its button', () => {
    const { container } = renderMenu();
    const button = container.querySelector('button[aria-haspopup="menu"]');
    expect(button?.textContent).toContain('Morgan Multi');
    expect(button?.textContent).toContain('attorney · Demo Firm LLP');
  });

  it('lists every account with the current one checked and the other app named', async () => {
    const { container } = renderMenu();
    const menu = await open(container);
    expect(menu.textContent).toContain('morgan@demo-firm.test');

    const accounts = items(menu, 'menuitemradio');
    expect(accounts.map((item) => item.textContent)).toEqual([
      'Demo Firm LLPattorney',
      'Harbor & Vale LLPco-counselChambers Connect',
    ]);
    expect(accounts.map((item) => item.getAttribute('aria-checked'))).toEqual(['true', 'false']);
  });

  it('switches to another account', async () => {
    const { container, onSwitch } = renderMenu();
    const [, other] = items(await open(container), 'menuitemradio');
    act(() => other?.click());
    expect(onSwitch).toHaveBeenCalledWith(harbor);
  });

  it('does nothing when the current account is chosen', async () => {
    const { container, onSwitch } = renderMenu();
    const [current] = items(await open(container), 'menuitemradio');
    act(() => current?.click());
    expect(onSwitch).not.toHaveBeenCalled();
  });

  it('signs out', async () => {
    const { container, onSignOut } = renderMenu();
    const signOut = items(await open(container), 'menuitem').find((item) => item.textContent === 'Sign out');
    act(() => signOut?.click());
    expect(onSignOut).toHaveBeenCalledTimes(1);
  });

  it('says so while the accounts load', async () => {
    const { container } = renderMenu({ accounts: { data: undefined, isError: false } });
    const menu = await open(container);
    expect(items(menu, 'menuitemradio')).toHaveLength(1);
    expect(menu.textContent).toContain('Loading your accounts');
  });

  it('says so when the accounts could not be loaded', async () => {
    const { container } = renderMenu({ accounts: { data: undefined, isError: true } });
    const menu = await open(container);
    expect(items(menu, 'menuitemradio')).toHaveLength(1);
    expect(menu.textContent).toContain('Your other accounts could not be loaded');
  });

  it('shows why a switch failed, until dismissed', () => {
    const error = new ApiError({
      status: 404,
      code: 'not_found',
      title: 'Not found',
      detail: 'No such account.',
    });
    const { onDismissError } = renderMenu({ error });
    const alert = document.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Not found');
    expect(alert?.textContent).toContain('No such account.');
    act(() => alert?.querySelector<HTMLButtonElement>('button[aria-label="Dismiss"]')?.click());
    expect(onDismissError).toHaveBeenCalledTimes(1);
  });
});

describe('accountsToList', () => {
  it('always offers the current account', () => {
    expect(accountsToList(firm, undefined)).toEqual([firm]);
    expect(accountsToList(firm, [harbor])).toEqual([firm, harbor]);
    expect(accountsToList(firm, [harbor, firm])).toEqual([harbor, firm]);
  });
});
