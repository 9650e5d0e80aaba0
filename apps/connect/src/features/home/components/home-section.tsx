import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface HomeSectionProps {
  /** The card's heading, e.g. "Open tasks". */
  title: string;
  /** How many there are in all (the card lists only the first few). */
  count: number;
  /** Where "View all" goes; none when the section has no page of its own. */
  viewAllTo?: string;
  /** Said when there is nothing. */
  empty: string;
  children: ReactNode;
}

/** One card of the overview: heading with its count, its first items, "View all", or its empty state. */
export function HomeSection({ title, count, viewAllTo, empty, children }: HomeSectionProps) {
  const headingId = `home-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={2} size="h4" id={headingId}>
            {title}{' '}
            <Badge variant="light" color="gray" component="span">
              {count}
            </Badge>
          </Title>
          {viewAllTo && (
            <Anchor
              component={Link}
              to={viewAllTo}
              size="sm"
              style={{ flexShrink: 0 }}
              aria-label={`View all ${title.toLowerCase()}`}
            >
              View all
            </Anchor>
          )}
        </Group>
        {count === 0 ? (
          <Text c="dimmed" size="sm">
            {empty}
          </Text>
        ) : (
          children
        )}
      </Stack>
    </Card>
  );
}

export interface SectionItemProps {
  to: string;
  /** What the item is called: the link's text. */
  label: string;
  /** A line under it: when, which matter, how urgent. */
  detail?: ReactNode;
  /** On the right, e.g. an unread count. */
  aside?: ReactNode;
}

/** One item of a section, linking to where it is worked on. */
export function SectionItem({ to, label, detail, aside }: SectionItemProps) {
  return (
    <li>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={to} fw={500} style={{ overflowWrap: 'anywhere' }}>
            {label}
          </Anchor>
          {detail && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {detail}
            </Text>
          )}
        </Stack>
        {aside}
      </Group>
    </li>
  );
}

/** The items of a section as a list. */
export function SectionItems({ children }: { children: ReactNode }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {children}
    </Stack>
  );
}
