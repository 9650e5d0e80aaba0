import type { ApiClient } from '@chambers/api-client/client';
import type { Me } from '@chambers/contracts/me';
import { Avatar, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchObjectUrl } from './file-download';
import { removeAvatar, replaceAvatar } from './profile-api';
import { ProfileAvatarEditor } from './profile-avatar-editor';
import { errorMessage } from './query-state';

/** The picture needs the bearer token, so it is fetched and shown from a `blob:` URL. */
function useAvatarObjectUrl(api: ApiClient, avatarUrl: string | null) {
  const query = useQuery({
    queryKey: ['me', 'avatar', avatarUrl],
    queryFn: ({ signal }) => fetchObjectUrl(api, avatarUrl ?? '', { size: 256 }, signal),
    enabled: avatarUrl !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const url = avatarUrl === null ? null : (query.data ?? null);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return url;
}

/** The person's picture: shown, replaced (cropped or fitted to a square first) or removed. */
export function ProfileAvatar({ api, me }: { api: ApiClient; me: Me }) {
  const queryClient = useQueryClient();
  const picture = useAvatarObjectUrl(api, me.avatar_url);
  const [chosen, setChosen] = useState<{ url: string; name: string } | null>(null);

  const upload = useMutation({
    mutationFn: (blob: Blob) => replaceAvatar(api, blob, `${baseName(chosen?.name)}.png`),
    onSuccess: (updated) => {
      queryClient.setQueryData(['me'], updated);
      notifications.show({
        color: 'green',
        message: 'Profile picture saved.',
      });
      close();
    },
  });
  const remove = useMutation({
    mutationFn: () => removeAvatar(api),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      notifications.show({
        color: 'green',
        message: 'Profile picture removed.',
      });
    },
    onError: (error) =>
      notifications.show({
        color: 'red',
        message: errorMessage(error),
      }),
  });

  function choose(file: File | null) {
    if (!file) return;
    upload.reset();
    setChosen({ url: URL.createObjectURL(file), name: file.name });
  }

  function close() {
    if (chosen) URL.revokeObjectURL(chosen.url);
    setChosen(null);
  }

  function confirmRemove() {
    modals.openConfirmModal({
      title: 'Remove your profile picture?',
      children: <Text size="sm">People will see your initials instead.</Text>,
      labels: { confirm: 'Remove', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(),
    });
  }

  return (
    <Group gap="lg" wrap="wrap">
      <Avatar
        src={picture}
        alt={picture ? `Profile picture of ${me.name}` : undefined}
        name={me.name}
        color="initials"
        size={96}
        radius="xl"
      />
      <Stack gap="xs">
        <FileButton onChange={choose} accept="image/png,image/jpeg,image/webp,image/gif">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconUpload aria-hidden size={16} />}>
              Upload picture
            </Button>
          )}
        </FileButton>
        {me.avatar_url && (
          <Button
            variant="default"
            leftSection={<IconTrash aria-hidden size={16} />}
            onClick={confirmRemove}
            loading={remove.isPending}
          >
            Remove picture
          </Button>
        )}
        <Text size="xs" c="dimmed">
          A JPEG, PNG, WebP or GIF image.
        </Text>
      </Stack>
      <ProfileAvatarEditor
        src={chosen?.url ?? null}
        saving={upload.isPending}
        error={upload.error}
        onSave={(blob) => upload.mutate(blob)}
        onCancel={close}
      />
    </Group>
  );
}

/** "holiday.jpg" → "holiday": the saved picture is a PNG whatever was chosen. */
function baseName(name: string | undefined): string {
  return name?.replace(/\.[^.]*$/, '') || 'picture';
}
