// Kept apart and small: the first screen asks it of every dropped file, and loads the import only for a session.

const ZIP_TYPES = new Set(['application/zip', 'application/x-zip-compressed']);

/** A session in one file, by its name or type. */
export const isZipFile = (file: File) => /\.zip$/i.test(file.name) || ZIP_TYPES.has(file.type);

/** A session's own file, one file or the JSON that came with its images: a drop of one opens the session. */
export const isSessionFile = (file: File) =>
  isZipFile(file) || /\.json$/i.test(file.name) || file.type === 'application/json';

/**
 * Whether a drop is a session: one ZIP alone, or one JSON with its images. A ZIP among other files, or two
 * JSONs, are files the queue refuses one by one like any other file that is not an image.
 */
export function isSessionDrop(files: readonly File[]): boolean {
  const zips = files.filter(isZipFile).length;
  const jsons = files.filter((file) => !isZipFile(file) && isSessionFile(file)).length;
  return (zips === 1 && files.length === 1) || (zips === 0 && jsons === 1);
}
