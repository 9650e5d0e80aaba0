import {
  Alert,
  Box,
  Button,
  Group,
  Image,
  Modal,
  SegmentedControl,
  Slider,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import Cropper, { type Area } from 'react-easy-crop';
import { squarePicture } from './profile-avatar-canvas';
import { errorMessage } from './query-state';

type Mode = 'crop' | 'fit';

export interface ProfileAvatarEditorProps {
  /** A `blob:` URL of the chosen file; the editor is open while it is set. */
  src: string | null;
  saving: boolean;
  error: unknown;
  onSave: (picture: Blob) => void;
  onCancel: () => void;
}

/** Makes a chosen image square: crop a part of it (drag, zoom) or fit the whole of it. */
export function ProfileAvatarEditor(props: ProfileAvatarEditorProps) {
  return (
    <Modal opened={props.src !== null} onClose={props.onCancel} title="Profile picture" centered>
      {/* Keyed by the file: each picture starts uncropped. */}
      {props.src && <EditorBody key={props.src} {...props} src={props.src} />}
    </Modal>
  );
}

function EditorBody({ src, saving, error, onSave, onCancel }: ProfileAvatarEditorProps & { src: string }) {
  const [mode, setMode] = useState<Mode>('crop');
  const [crop, setCrop] = useState({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  const [area, setArea] = useState<Area | null>(null);
  const [drawError, setDrawError] = useState<unknown>(null);

  async function save() {
    try {
      setDrawError(null);
      onSave(await squarePicture(src, mode === 'crop' ? area : null));
    } catch (cause) {
      setDrawError(cause);
    }
  }

  const problem = drawError instanceof Error ? drawError.message : error != null ? errorMessage(error) : null;

  return (
    <Stack>
      <SegmentedControl
        aria-label="How the picture is made square"
        value={mode}
        onChange={(value) => setMode(value as Mode)}
        data={[
          { value: 'crop', label: 'Crop' },
          { value: 'fit', label: 'Fit' },
        ]}
      />
      {mode === 'crop' ? (
        <>
          <Text size="sm" c="dimmed">
            Drag the picture (or use the arrow keys) to place it in the square.
          </Text>
          <Box pos="relative" h={280} bg="gray.1">
            <Cropper
              image={src}
              crop={crop}
              zoom={zoom}
              aspect={1}
              onCropChange={setCrop}
              onZoomChange={setZoom}
              onCropComplete={(_, pixels) => setArea(pixels)}
              mediaProps={{ alt: 'The chosen picture' }}
              cropperProps={{ role: 'group', 'aria-label': 'Crop area: drag, or use the arrow keys' }}
            />
          </Box>
          <Text size="sm" id="avatar-zoom-label">
            Zoom
          </Text>
          <Slider
            aria-labelledby="avatar-zoom-label"
            min={1}
            max={3}
            step={0.1}
            value={zoom}
            onChange={setZoom}
            label={(value) => `${value.toFixed(1)}×`}
            thumbLabel="Zoom"
          />
        </>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            The whole picture, on a white square.
          </Text>
          <Image
            src={src}
            alt="The chosen picture, fitted"
            h={280}
            fit="contain"
            bg="white"
            style={{ border: '1px solid var(--mantine-color-gray-3)' }}
          />
        </>
      )}
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={save} loading={saving} disabled={mode === 'crop' && !area}>
          Save picture
        </Button>
      </Group>
    </Stack>
  );
}
