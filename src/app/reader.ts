import { createReaderService, startReaderWorker } from '@/reader-service';

/**
 * The page's one on-device reader. Its worker starts at the first read: the second read and the check
 * before sending ask it directly, the in-page sandbox asks it through the page.
 */
export const deviceReader = createReaderService(startReaderWorker);
