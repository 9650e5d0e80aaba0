import { PlainDate } from '@chambers/ui/date-time';
import { PagedList } from '@chambers/ui/paged-list';
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMatterNotes } from '../api/get-notes';

/** The matter's notes, oldest first, as the firm wrote them (plain text, line breaks kept). */
export function MatterNotes({ matterId }: { matterId: string }) {
  const notes = useMatterNotes(matterId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="matter-notes-heading">
      <Title order={2} size="h3" id="matter-notes-heading">
        Notes
      </Title>
      <PagedList query={notes} loadingLabel="Loading notes" empty="No notes on this matter.">
        {(rows) => (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {rows.map((note) => (
              <Card key={note.id} component="li" withBorder padding="sm">
                <Group justify="space-between" align="baseline" gap="xs" wrap="wrap">
                  <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
                    {note.subject}
                  </Title>
                  <Text size="sm" c="dimmed">
                    <PlainDate value={note.date} /> · {note.author.name}
                  </Text>
                </Group>
                {note.body && (
                  <Text mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {note.body}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        )}
      </PagedList>
    </Stack>
  );
}
