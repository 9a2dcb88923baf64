export interface CompressPhotoOptions {
  maxDimension?: number;
  maxSizeMB?: number;
}

/**
 * Shrinks a camera photo before it is stored: at most ~1600 px on the long side, JPEG, aiming
 * under 500 KB. Runs on the main thread (the library's worker would load code from a CDN, which
 * a tablet with no signal cannot reach). The library is loaded only when a photo is taken.
 */
export async function compressPhoto(file: File | Blob, options: CompressPhotoOptions = {}): Promise<Blob> {
  const { default: imageCompression } = await import('browser-image-compression');
  const input = file instanceof File ? file : new File([file], 'photo.jpg', { type: file.type || 'image/jpeg' });
  return imageCompression(input, {
    maxWidthOrHeight: options.maxDimension ?? 1600,
    maxSizeMB: options.maxSizeMB ?? 0.45,
    fileType: 'image/jpeg',
    initialQuality: 0.8,
    useWebWorker: false,
    maxIteration: 12,
  });
}
