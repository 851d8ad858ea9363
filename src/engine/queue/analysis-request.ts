import type { AnalyzeVariables } from '@/api';
import { fileExtension } from '@/lib/image-format';
import type { QueueItem } from './queue-item';
import type { ImageMeta } from '@/images/image-meta';

/** Stops a request whose image turned out not to decode; nothing was sent. */
export class RefusedAfterDecode extends Error {}

/**
 * One card's request: its bytes as they are, under a neutral name (the user's often names a person;
 * the service reads the type from the extension).
 */
export function analysisRequest(
  item: QueueItem & { image: ImageMeta },
  bytes: Uint8Array,
  signal: AbortSignal,
  hooks: Pick<AnalyzeVariables, 'onStage' | 'beforeSend'>,
): AnalyzeVariables {
  return { kind: item.kind, image: { bytes, fileName: `image.${fileExtension(item.image.format)}` }, signal, ...hooks };
}
