import { Stack, Tabs, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { pageTitle } from '../../../lib/product';
import { CompleteButton, ReopenButton } from '../components/task-actions';
import { TaskList } from '../components/task-list';

type TabName = 'upcoming' | 'completed';

/** The person's tasks: open ones (soonest due first) and completed ones; the tab is kept in the URL. */
export function Component() {
  useDocumentTitle(pageTitle('Tasks'));
  const [params, setParams] = useSearchParams();
  const tab: TabName = params.get('tab') === 'completed' ? 'completed' : 'upcoming';

  return (
    <Stack>
      <Title order={1}>Tasks</Title>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value === 'completed' ? { tab: value } : {}, { replace: true })}
        // Each list is fetched when its tab is first opened, not both on arrival.
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="upcoming">Upcoming</Tabs.Tab>
          <Tabs.Tab value="completed">Completed</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="upcoming" pt="md">
          <TaskList
            list="open"
            empty="No open tasks. Tasks the firm assigns to you show up here."
            action={(task) => <CompleteButton task={task} />}
          />
        </Tabs.Panel>
        <Tabs.Panel value="completed" pt="md">
          <TaskList
            list="completed"
            empty="No completed tasks yet."
            action={(task) => <ReopenButton task={task} />}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
