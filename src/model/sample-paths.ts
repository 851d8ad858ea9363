// Where a specimen's files live under public/samples/, shared by the gallery and scripts/generate-thumbnails.ts.

/** Thumbnails are this many pixels wide: twice the gallery's 160 CSS pixels, for high-density screens. */
export const THUMBNAIL_WIDTH = 320;

/** The gallery shows a small WebP rather than the specimen itself: about 1 % of the bytes. */
export const thumbnailFile = (file: string) => `thumbs/${file.replace(/\.[^.]+$/, '')}.webp`;
