import type { OcrService } from '@/api/types';
import type { Quad } from '@/lib/quad';
import type {
  DeviceBoxesRead,
  DeviceRead,
  DeviceWarm,
  ReadBoxesOptions,
  ReadCardOptions,
  ReaderService,
} from './types';

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A reader service whose code arrives at its first use, so the first screen carries none of it. It keeps
 * the service's promise: a read never throws, and answers `unavailable` when the code cannot be loaded.
 * `load` is asked again after a failure (a lazyResource's rule).
 */
export function lazyReaderService(load: () => Promise<ReaderService>): ReaderService {
  const unavailable = (error: unknown) => ({ kind: 'unavailable', why: why(error) }) as const;
  return {
    readCard: (image: Uint8Array, service: OcrService, options?: ReadCardOptions): Promise<DeviceRead> =>
      load().then((reader) => reader.readCard(image, service, options), unavailable),
    readBoxes: (image: Uint8Array, boxes: readonly Quad[], options?: ReadBoxesOptions): Promise<DeviceBoxesRead> =>
      load().then((reader) => reader.readBoxes(image, boxes, options), unavailable),
    warm: (): Promise<DeviceWarm> => load().then((reader) => reader.warm(), unavailable),
    onDownload(listener) {
      let stopped = false;
      let stop = () => {};
      load().then(
        (reader) => {
          if (!stopped) stop = reader.onDownload(listener);
        },
        () => {}, // nothing is downloading: the reads say why
      );
      return () => {
        stopped = true;
        stop();
      };
    },
  };
}
