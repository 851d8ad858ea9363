// The check before sending's look at a photo's quality, off the page's thread: the decodes and the Laplacian
// of a phone photo would otherwise hold the page for tens of milliseconds a card.
import { photoQuality } from './photo-quality-decode';
import type { QualityReply, QualityRequest } from './photo-quality-client';

self.onmessage = (event: MessageEvent<QualityRequest>) => {
  const { id, image } = event.data;
  void photoQuality(new Uint8Array(image)).then((quality) => self.postMessage({ id, quality } satisfies QualityReply));
};
