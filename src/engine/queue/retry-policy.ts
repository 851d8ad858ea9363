import { OcrError, type Localised } from '@/api';
import type { QueueItem } from './queue-item';

// Answers that say something about the image itself: sending the same bytes again gets the same answer.
const ABOUT_THE_IMAGE = new Set([
  4000002, // INVALID_FILE
  4000003, // INVALID_FILE_TYPE
  4000004, // UPLOADED_FILE_IS_EMPTY
  4000111, // CREDIT_CARD_INFO_NOT_FOUND
  4000121, // ID_CARD_INFO_NOT_FOUND
  4131000, // MAX_UPLOAD_SIZE_EXCEEDED
]);

/**
 * Whether another try could end differently: not for a refusal of the image itself, nor a request we refused
 * to build, nor one this page may never send.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof OcrError)) return true;
  if (error.kind === 'invalid-request' || error.kind === 'insecure-context') return false;
  if (error.status === 413) return false;
  return error.resultCode === undefined || !ABOUT_THE_IMAGE.has(error.resultCode);
}

export const FILE_GONE: Localised = {
  en: 'The file could not be read again: it was moved, deleted or changed since it was added. Add it again.',
  ko: '파일을 다시 읽을 수 없습니다. 추가한 뒤 옮겨졌거나 삭제되었거나 바뀌었습니다. 다시 추가하세요.',
};

export const FILE_CHANGED: Localised = {
  en: 'The file changed since it was added; the new version was checked and sent.',
  ko: '추가한 뒤 파일이 바뀌었습니다. 새 내용을 다시 검사해 보냈습니다.',
};

/** What a card queued from its file carries: a file changed since its last attempt says so, and sheds the quality predicted for its old bytes. */
export const fromFile = (changed: boolean, caution: Localised | undefined) =>
  changed ? { caution: FILE_CHANGED, quality: undefined } : { caution };

/** Whether the file can still be read: a file deleted, moved or changed on disk since it was chosen cannot. */
export function stillReadable(file: File): Promise<boolean> {
  return file
    .slice(0, 1)
    .arrayBuffer()
    .then(
      () => true,
      () => false,
    );
}

export const checkFailed = (error: unknown): Localised => ({
  en: `It could not be checked: ${String(error)}`,
  ko: `검사할 수 없습니다: ${String(error)}`,
});

/**
 * How an error ends a card: cancelled when it was aborted, else failed, as the client said. A check before
 * sending that threw with an error not the client's own (a file the browser would not read, say) refuses it.
 */
export function endedBy(error: unknown, during: 'check' | 'request'): Partial<QueueItem> {
  if (error instanceof OcrError)
    return error.kind === 'aborted' ? { status: 'cancelled' } : { status: 'failed', error };
  return during === 'check' ? { status: 'rejected', rejection: checkFailed(error) } : { status: 'failed', error };
}
