import { errorMessage } from '@chambers/ui/query-state';
import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  Progress,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { matterChoicesQueryOptions } from '../../../components/add-time-modal';
import { pathTo } from '../../../lib/paths';
import { useCreateConversation } from '../api/create-conversation';

/** "New message": subject, one of the shared matters, the first message and its attachments. */
export function NewConversationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="New message" centered size="lg">
      {opened && <NewConversationForm onClose={onClose} />}
    </Modal>
  );
}

interface Problems {
  subject?: string;
  matter?: string;
  body?: string;
}

function NewConversationForm({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const matters = useQuery(matterChoicesQueryOptions());
  const create = useCreateConversation();
  const [subject, setSubject] = useState('');
  const [matter, setMatter] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState(0);
  const [problems, setProblems] = useState<Problems>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {
      subject: subject.trim() ? undefined : 'Enter a subject',
      matter: matter ? undefined : 'Choose the matter it is about',
      body: body.trim() ? undefined : 'Write a message',
    };
    setProblems(found);
    if (!matter || found.subject || found.body) return;
    create.mutate(
      { subject: subject.trim(), matterId: matter, body, files, onProgress: setProgress },
      {
        onSuccess: (conversation) => {
          onClose();
          void navigate(pathTo.conversation(conversation.id));
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Subject"
          required
          maxLength={300}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={problems.subject}
          data-autofocus
        />
        <Select
          label="Matter"
          required
          searchable
          data={(matters.data ?? []).map((m) => ({ value: m.id, label: `${m.number} · ${m.description}` }))}
          value={matter}
          onChange={setMatter}
          nothingFoundMessage="No matter shared with you matches"
          disabled={matters.isPending}
          error={problems.matter ?? (matters.isError ? errorMessage(matters.error) : undefined)}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label="Message"
          required
          autosize
          minRows={4}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={problems.body}
        />
        <FileInput
          label="Attachments"
          multiple
          clearable
          leftSection={<IconPaperclip aria-hidden size={16} />}
          value={files}
          onChange={setFiles}
        />
        {create.isPending && files.length > 0 && (
          <Progress value={Math.round(progress * 100)} aria-label="Uploading attachments" size="sm" />
        )}
        {create.isError && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Send
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
