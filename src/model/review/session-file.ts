// Kept apart and small: the first screen asks it of every dropped file, and loads the import only for a session.

const ZIP_TYPES = new Set(['application/zip', 'application/x-zip-compressed']);

/** A session in one file, by its name or type. */
export const isZipFile = (file: File) => /\.zip$/i.test(file.name) || ZIP_TYPES.has(file.type);

/** A session's own file, one file or the JSON that came with its images: a drop of one opens the session. */
export const isSessionFile = (file: File) =>
  isZipFile(file) || /\.json$/i.test(file.name) || file.type === 'application/json';
