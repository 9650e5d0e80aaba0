import { ProfileAvatar } from '@chambers/ui/profile-avatar';
import { ProfileDetailsForm } from '@chambers/ui/profile-details-form';
import { ProfileEmailForm } from '@chambers/ui/profile-email-form';
import { ProfilePasswordForm } from '@chambers/ui/profile-password-form';
import { LoadError, Loading } from '@chambers/ui/query-state';
import { Paper, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { api } from '../../../lib/api-client';
import { pageTitle } from '../../../lib/product';
import { useMe } from '../api/get-me';

/** Profile (the gear icon): picture, name and time zone, password, login email. */
export function Component() {
  useDocumentTitle(pageTitle('Profile'));
  const me = useMe();

  return (
    <Stack maw={640} mx="auto">
      <Title order={1}>Profile</Title>
      {me.isPending ? (
        <Loading label="Loading your profile" />
      ) : me.isError ? (
        <LoadError error={me.error} onRetry={() => me.refetch()} />
      ) : (
        <>
          <Section title="Picture">
            <ProfileAvatar api={api} me={me.data} />
          </Section>
          <Section title="Name and time zone">
            {/* Keyed by the saved values: the form starts again from what the API answered. */}
            <ProfileDetailsForm key={`${me.data.name}|${me.data.time_zone}`} api={api} me={me.data} />
          </Section>
          <Section title="Password">
            <ProfilePasswordForm api={api} />
          </Section>
          <Section title="Login email">
            <ProfileEmailForm api={api} currentEmail={me.data.email} />
          </Section>
        </>
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `profile-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
