/** The square picture is drawn this big; the API resizes it down to each size it serves. */
export const AVATAR_EDGE = 512;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a `width` × `height` image sits when the whole of it is letterboxed into a `size` square. */
export function fitRect(width: number, height: number, size: number): Rect {
  const scale = size / Math.max(width, height);
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  return { x: Math.round((size - w) / 2), y: Math.round((size - h) / 2), width: w, height: h };
}

export function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('This file could not be read as an image.'));
    image.src = src;
  });
}

/**
 * Draws the picture into a square PNG: `area` (in the image's own pixels) cropped to fill it, or,
 * without an area, the whole image letterboxed on white.
 */
export async function squarePicture(src: string, area: Rect | null): Promise<Blob> {
  const image = await loadImage(src);
  const canvas = document.createElement('canvas');
  canvas.width = AVATAR_EDGE;
  canvas.height = AVATAR_EDGE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the picture.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, AVATAR_EDGE, AVATAR_EDGE);
  if (area) {
    context.drawImage(image, area.x, area.y, area.width, area.height, 0, 0, AVATAR_EDGE, AVATAR_EDGE);
  } else {
    const at = fitRect(image.naturalWidth, image.naturalHeight, AVATAR_EDGE);
    context.drawImage(image, at.x, at.y, at.width, at.height);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be drawn.'))),
      'image/png',
    ),
  );
}
