// A photo is shrunk in the browser before it is sent: a phone's 12-megapixel picture becomes
// a ~30 kB JPEG, well under the server's 2 MB limit, and nobody waits on a slow upload.
export const PHOTO_SIZE = 400;

/** The size that fits within `max`×`max`, keeping the proportions; never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  max = PHOTO_SIZE,
): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height, 1));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * Decode the chosen file and draw it again, at most 400×400, as a JPEG. createImageBitmap
 * reads the file directly: the page's content security policy allows no blob: images.
 * Rejects when the file is not an image the browser can read.
 */
export async function shrinkPhoto(file: Blob): Promise<File> {
  const bitmap = await createImageBitmap(file);
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    // JPEG has no transparency: a transparent PNG gets a white background, not a black one.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.88));
    if (!blob) throw new Error('The photo could not be encoded');
    return new File([blob], 'photo.jpg', { type: 'image/jpeg' });
  } finally {
    bitmap.close();
  }
}
