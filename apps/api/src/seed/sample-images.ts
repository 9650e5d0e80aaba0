import sharp from 'sharp';

/** A PNG of a diagonal colour gradient, computed pixel by pixel (no fonts or SVG renderer involved). */
export async function gradientPng(
  width: number,
  height: number,
  from: readonly [number, number, number],
  to: readonly [number, number, number],
): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const t = (x / width + y / height) / 2;
      for (let channel = 0; channel < 3; channel += 1) {
        pixels[(y * width + x) * 3 + channel] = Math.round(
          (from[channel] ?? 0) + ((to[channel] ?? 0) - (from[channel] ?? 0)) * t,
        );
      }
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/**
 * A JPEG "photo": a shaded background with a caption drawn through an SVG overlay and rasterised by
 * sharp. Where the machine has no fonts the caption is simply missing; the image stays valid.
 */
export async function captionedJpeg(width: number, height: number, caption: string): Promise<Buffer> {
  const background = await gradientPng(width, height, [58, 74, 92], [176, 150, 112]);
  const overlay = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect x="0" y="${height - 64}" width="${width}" height="64" fill="black" fill-opacity="0.55"/>` +
      `<text x="24" y="${height - 22}" font-family="sans-serif" font-size="28" fill="white">${escapeXml(caption)}</text>` +
      '</svg>',
  );
  return sharp(background)
    .composite([{ input: overlay }])
    .jpeg({ quality: 82 })
    .toBuffer();
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[char] ?? char,
  );
}
