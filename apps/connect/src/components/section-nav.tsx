import { Button, Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { paths } from '../lib/paths';

/** The tabs across the top for co-counsel; a client's Connect is its portals, on Home. */
const coCounselSections = [
  { label: 'Home', to: paths.home, end: true },
  { label: 'Calendar', to: paths.calendar, end: false },
  { label: 'Tasks', to: paths.tasks, end: false },
  { label: 'Matters', to: paths.matters, end: false },
  { label: 'Activities', to: paths.activities, end: false },
  { label: 'Documents', to: paths.documents, end: false },
  { label: 'Communications', to: paths.conversations, end: false },
] as const;

/**
 * Navigation between Connect's sections, as links (each section is its own page). On a narrow
 * screen the row scrolls sideways by itself; the page never does.
 */
export function SectionNav() {
  return (
    <nav aria-label="Sections">
      <Group gap={4} wrap="nowrap" style={{ overflowX: 'auto' }} py={4}>
        {coCounselSections.map((section) => (
          <NavLink key={section.to} to={section.to} end={section.end} style={{ textDecoration: 'none' }}>
            {({ isActive }) => (
              <Button
                component="span"
                size="compact-sm"
                variant={isActive ? 'filled' : 'subtle'}
                color={isActive ? undefined : 'dark'}
              >
                {section.label}
              </Button>
            )}
          </NavLink>
        ))}
      </Group>
    </nav>
  );
}
