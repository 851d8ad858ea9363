import { lazyReaderService } from '@/reader-service';
import { lazyResource } from '@/lib/lazy-resource';

const service = lazyResource(() =>
  import('@/reader-service/reader-client').then(({ createReaderService, startReaderWorker }) =>
    createReaderService(startReaderWorker),
  ),
);

/**
 * The page's one on-device reader. Its code arrives and its worker starts at the first read: the second
 * read and the check before sending ask it directly, the in-page sandbox asks it through the page.
 */
export const deviceReader = lazyReaderService(service.load);
