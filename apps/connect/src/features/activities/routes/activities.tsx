import type { Activity } from '@chambers/contracts/activities';
import { PagedList } from '@chambers/ui/paged-list';
import { useSession } from '@chambers/ui/session';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { AddTimeModal } from '../../../components/add-time-modal';
import { pageTitle } from '../../../lib/product';
import { useMyActivities } from '../api/get-my-activities';
import { ActivityList } from '../components/activity-list';
import { EditTimeModal } from '../components/edit-time-modal';

/** Activities: the person's own time entries, newest first; add, and change or delete until billed. */
export function Component() {
  useDocumentTitle(pageTitle('Activities'));
  const session = useSession();
  const query = useMyActivities(session?.membership.id ?? '');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Activity | null>(null);

  return (
    <Stack maw={800} mx="auto">
      <Group justify="space-between">
        <Title order={1}>Activities</Title>
        <Button leftSection={<IconPlus aria-hidden size={16} />} onClick={() => setAdding(true)}>
          Add time
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        Your time on shared matters, newest first. Entries can be changed until they are billed.
      </Text>
      <PagedList query={query} empty="You have not logged any time yet." loadingLabel="Loading your time">
        {(rows) => <ActivityList rows={rows} onEdit={setEditing} />}
      </PagedList>
      <AddTimeModal opened={adding} onClose={() => setAdding(false)} />
      <EditTimeModal entry={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
