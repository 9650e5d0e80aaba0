import type { CalendarEntry } from '@chambers/contracts/calendar';
import { formatEntryTime } from '@chambers/ui/calendar-entry-time';
import { useTimeZone } from '@chambers/ui/date-time';
import { Anchor, Box, Button, List, Modal, Stack, Text } from '@mantine/core';
import { IconVideo } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMatter } from '../../../api/get-matter';
import { pathTo } from '../../../lib/paths';

/** One event's details: when (in the reader's zone), where, how to join, who, and on which matter. */
export function EventDetailsModal({ entry, onClose }: { entry: CalendarEntry | null; onClose: () => void }) {
  return (
    <Modal opened={entry !== null} onClose={onClose} title={entry?.title} centered size="lg">
      {entry && <EventDetails entry={entry} />}
    </Modal>
  );
}

function EventDetails({ entry }: { entry: CalendarEntry }) {
  const timeZone = useTimeZone();
  return (
    <Stack>
      <Stack component="dl" gap="sm" m={0}>
        <Detail label="When">
          {formatEntryTime(entry, timeZone)}
          <Text size="xs" c="dimmed">
            Times in {timeZone}
          </Text>
        </Detail>
        {entry.location && <Detail label="Where">{entry.location}</Detail>}
        {entry.description && (
          <Detail label="Description">
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{entry.description}</Text>
          </Detail>
        )}
        {entry.attendees.length > 0 && (
          <Detail label="Attendees">
            <List size="sm" listStyleType="none">
              {entry.attendees.map((person) => (
                <List.Item key={`${person.type}:${person.id}`}>{person.name}</List.Item>
              ))}
            </List>
          </Detail>
        )}
        {entry.matter_id && <EventMatter id={entry.matter_id} />}
      </Stack>
      {entry.conference_url && (
        <Button
          component="a"
          href={entry.conference_url}
          target="_blank"
          rel="noopener noreferrer"
          leftSection={<IconVideo aria-hidden size={18} />}
          style={{ alignSelf: 'flex-start' }}
        >
          Join video call
        </Button>
      )}
    </Stack>
  );
}

/** The matter, linked, only when it is shared with the reader: otherwise nothing about it is shown. */
function EventMatter({ id }: { id: string }) {
  const matter = useMatter(id);
  if (!matter.data) return null;
  return (
    <Detail label="Matter">
      <Anchor component={Link} to={pathTo.matter(matter.data.id)} style={{ overflowWrap: 'anywhere' }}>
        {matter.data.number} · {matter.data.description}
      </Anchor>
    </Detail>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Box component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </div>
  );
}
