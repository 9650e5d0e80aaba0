import type { ExternalHome } from '@chambers/contracts/home';
import { DateTime, PlainDate } from '@chambers/ui/date-time';
import { Badge, Button, SimpleGrid, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { paths, pathTo } from '../../../lib/paths';
import { EventWhen } from './event-when';
import { HomeSection, SectionItem, SectionItems } from './home-section';
import { PortalList } from './portal-list';

const priorityLabels = { low: 'Low priority', normal: 'Normal priority', high: 'High priority' } as const;

function UnreadBadge({ count }: { count: number }) {
  return (
    <Badge circle={count < 10} style={{ flexShrink: 0 }}>
      {count}
      <VisuallyHidden> unread</VisuallyHidden>
    </Badge>
  );
}

/** Co-counsel's overview: a card per section of what is shared, each with its first items. */
export function CoCounselHome({ home }: { home: ExternalHome }) {
  // Items name their matter when it is one of the shared matters listed here; never otherwise.
  const matterNames = new Map(home.shared_matters.items.map((matter) => [matter.id, matter.description]));
  const onMatter = (matterId: string | null) => (matterId ? matterNames.get(matterId) : undefined);
  const [allPortals, setAllPortals] = useState(false);
  const { shared_matters, recent_documents, upcoming_events, open_tasks, unread_conversations, portals } =
    home;

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      <HomeSection
        title="Shared matters"
        count={shared_matters.count}
        viewAllTo={paths.matters}
        empty="No matters are shared with you yet."
      >
        <SectionItems>
          {shared_matters.items.map((matter) => (
            <SectionItem
              key={matter.id}
              to={pathTo.matter(matter.id)}
              label={matter.description}
              detail={`Matter ${matter.number} · ${matter.status[0]?.toUpperCase()}${matter.status.slice(1)}`}
            />
          ))}
        </SectionItems>
      </HomeSection>

      <HomeSection
        title="Recent documents"
        count={recent_documents.count}
        viewAllTo={paths.documents}
        empty="No documents are shared with you yet."
      >
        <SectionItems>
          {recent_documents.items.map((document) => (
            <SectionItem
              key={document.id}
              to={paths.documents}
              label={document.name}
              detail={
                <>
                  Updated <DateTime value={document.updated_at} />
                  {onMatter(document.matter_id) && ` · ${onMatter(document.matter_id)}`}
                </>
              }
            />
          ))}
        </SectionItems>
      </HomeSection>

      <HomeSection
        title="Upcoming events"
        count={upcoming_events.count}
        viewAllTo={paths.calendar}
        empty="No upcoming events."
      >
        <SectionItems>
          {upcoming_events.items.map((event) => (
            <SectionItem
              key={event.id}
              to={paths.calendar}
              label={event.title}
              detail={
                <>
                  <EventWhen event={event} />
                  {onMatter(event.matter_id) && ` · ${onMatter(event.matter_id)}`}
                </>
              }
            />
          ))}
        </SectionItems>
      </HomeSection>

      <HomeSection title="Open tasks" count={open_tasks.count} viewAllTo={paths.tasks} empty="No open tasks.">
        <SectionItems>
          {open_tasks.items.map((task) => (
            <SectionItem
              key={task.id}
              to={paths.tasks}
              label={task.name}
              detail={
                <>
                  {task.due_date ? (
                    <>
                      Due <PlainDate value={task.due_date} />
                    </>
                  ) : (
                    'No due date'
                  )}
                  {` · ${priorityLabels[task.priority]}`}
                </>
              }
            />
          ))}
        </SectionItems>
      </HomeSection>

      <HomeSection
        title="Unread conversations"
        count={unread_conversations.count}
        viewAllTo={paths.conversations}
        empty="No unread messages."
      >
        <SectionItems>
          {unread_conversations.items.map((conversation) => (
            <SectionItem
              key={conversation.id}
              to={pathTo.conversation(conversation.id)}
              label={conversation.subject}
              detail={
                <>
                  Last message <DateTime value={conversation.last_message_at} />
                </>
              }
              aside={<UnreadBadge count={conversation.unread_count} />}
            />
          ))}
        </SectionItems>
      </HomeSection>

      <HomeSection title="Portals" count={portals.count} empty="You take part in no client portals.">
        {allPortals ? (
          <PortalList empty="You take part in no client portals." />
        ) : (
          <>
            <SectionItems>
              {portals.items.map((portal) => (
                <SectionItem
                  key={portal.id}
                  to={pathTo.portal(portal.id)}
                  label={portal.name}
                  detail={
                    <>
                      Last message <DateTime value={portal.last_message_at} />
                    </>
                  }
                  aside={portal.unread_count > 0 && <UnreadBadge count={portal.unread_count} />}
                />
              ))}
            </SectionItems>
            {/* Portals have no page of their own to list them all, so the card lists them all itself. */}
            {portals.count > portals.items.length && (
              <Button variant="subtle" size="compact-sm" onClick={() => setAllPortals(true)}>
                Show all portals
              </Button>
            )}
          </>
        )}
      </HomeSection>
    </SimpleGrid>
  );
}
