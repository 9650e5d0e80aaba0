import { QueryClient } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';
import { ChambersProvider } from '../chambers-provider';

const mounted: { root: Root; container: HTMLElement }[] = [];

afterEach(() => {
  for (const { root, container } of mounted.splice(0)) {
    act(() => root.unmount());
    container.remove();
  }
});

/** Renders inside the real provider (theme + query cache); returns the container and the cache. */
export function render(ui: ReactNode, queryClient = new QueryClient()) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted.push({ root, container });
  const draw = (next: ReactNode) =>
    act(() => root.render(<ChambersProvider queryClient={queryClient}>{next}</ChambersProvider>));
  draw(ui);
  return { container, queryClient, rerender: draw };
}

/**
 * `render` for a tree that suspends (React's `use` of a promise): React only retries a suspended
 * render inside an awaited `act`, so this waits for the first render to settle.
 */
export async function renderAsync(ui: ReactNode, queryClient = new QueryClient()) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted.push({ root, container });
  await act(async () => root.render(<ChambersProvider queryClient={queryClient}>{ui}</ChambersProvider>));
  return { container, queryClient };
}

/** The control a `<label>` names, as a screen reader would find it. */
export function getByLabel(container: HTMLElement, text: string): HTMLInputElement {
  for (const label of container.querySelectorAll('label')) {
    if (label.textContent?.replace(/\s*\*\s*$/, '').trim() !== text) continue;
    const control = label.htmlFor ? container.ownerDocument.getElementById(label.htmlFor) : null;
    if (control instanceof HTMLInputElement) return control;
  }
  throw new Error(`No input labelled "${text}"`);
}

/** Types into a React-controlled input (React listens for `input` events on the native setter). */
export function typeInto(input: HTMLInputElement, value: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setValue?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
