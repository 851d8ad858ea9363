import type { AnswerSource } from '@/api';
import { loadManifest } from '@/features/analyze';
import { type ImageMeta } from '@/images/preflight';
import type { EndpointKind } from '@/model/connection-settings';
import { specimenIndex } from '@/sandbox/specimens';

/**
 * Who made an answer, from the endpoint it came through: the in-page sandbox answers a specimen from its
 * ground truth and has this device's reader read anything else (the rule is the sandbox's own); every
 * other endpoint is the service, whatever its answer says of itself.
 */
export async function answeredBy(endpoint: EndpointKind, image: ImageMeta, kind: string): Promise<AnswerSource> {
  if (endpoint !== 'sandbox') return 'service';
  const { samples } = await loadManifest(); // the one the sandbox started from
  return specimenIndex(samples)(image.sha256, kind === 'credit-card' ? 'credit-card' : 'id-card')
    ? 'specimen'
    : 'device';
}
