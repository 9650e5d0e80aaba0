import { type CSSVariablesResolver, createTheme, Modal, Notification } from '@mantine/core';

/** The one theme both SPAs use. Colours are picked to pass WCAG AA contrast on white. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Mantine's default shade 6 gives white button text a contrast ratio under 4.5:1.
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'sm',
  respectReducedMotion: true,
  cursorType: 'pointer',
  // Mantine's close buttons are icons with no accessible name; axe rates that critical.
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } }),
  },
});

/**
 * `dimmed` text defaults to gray.6, which fails contrast on white; gray.7 passes. Field errors
 * (the message, and the text of an invalid input) default to red.6, which fails too; red.8 passes.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
