import { act } from 'react';
import { createMemoryRouter, data, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';
import { render } from './test/render';

function Broken(): never {
  throw new Error('render failed');
}

/** Never shown: its loader answers 404 first. */
function Gone() {
  return null;
}

/** The route tree of either SPA in miniature, opened at `path`. */
function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      {
        errorElement: <RouteError product="Chambers" homePath="/" />,
        children: [
          { path: '/', element: <h1>Home</h1> },
          { path: '/broken', Component: Broken },
          {
            path: '/gone',
            loader: () => {
              throw data(null, { status: 404 });
            },
            Component: Gone,
          },
          { path: '*', element: <NotFoundPage product="Chambers" homePath="/" /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  return { router, container: render(<RouterProvider router={router} />).container };
}

const heading = (container: HTMLElement) => container.querySelector('h1')?.textContent;

beforeEach(() => {
  document.title = '';
  return () => vi.restoreAllMocks();
});

describe('RouteError', () => {
  it('shows a way to reload when a route fails to render', () => {
    // React and the router report the caught error on the console; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { container } = renderAt('/broken');
    expect(heading(container)).toBe('Something went wrong');
    expect(container.querySelector('button')?.textContent).toBe('Reload');
    expect(document.title).toBe('Something went wrong · Chambers');
  });

  it('shows the not-found page for a 404 a route answers', async () => {
    const { router, container } = renderAt('/');
    expect(heading(container)).toBe('Home');
    await act(() => router.navigate('/gone'));
    expect(heading(container)).toBe('Page not found');
    expect(document.title).toBe('Page not found · Chambers');
  });
});

describe('NotFoundPage', () => {
  it('answers an unknown address with a link home', () => {
    const { container } = renderAt('/no/such/page');
    expect(heading(container)).toBe('Page not found');
    expect(container.querySelector('a')?.getAttribute('href')).toBe('/');
    expect(container.querySelector('a')?.textContent).toBe('Go to the home page');
    expect(document.title).toBe('Page not found · Chambers');
  });
});
