import sharp from "sharp";

export const THUMBNAIL_SIZE = 320;

export interface ImageFacts {
  width: number;
  height: number;
  /** A WebP at most THUMBNAIL_SIZE on its longer side, turned upright by the photo's EXIF orientation. */
  thumbnail: Uint8Array;
}

/**
 * Reads an uploaded image for its size and a thumbnail. A file sharp cannot decode (a HEIC
 * without the codec, a damaged photo) gets none and is still kept: null.
 */
export async function imageFacts(bytes: Uint8Array): Promise<ImageFacts | null> {
  try {
    // A decompression bomb is refused by sharp's default pixel limit (268 megapixels).
    const image = sharp(bytes, { failOn: "error" }).rotate();
    const meta = await image.metadata();
    const upright = (meta.orientation ?? 1) >= 5;
    const width = upright ? meta.height : meta.width;
    const height = upright ? meta.width : meta.height;
    if (!width || !height) return null;
    const thumbnail = await image.resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
    return { width, height, thumbnail: new Uint8Array(thumbnail) };
  } catch {
    return null;
  }
}
