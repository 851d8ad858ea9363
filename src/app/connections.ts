import {
  analyzeWith,
  apiVersionOf,
  createOcrClient,
  deferredClient,
  type AnalysisKind,
  type AnswerSource,
  type ConnectionIdentity,
  type OcrClient,
} from '@/api';
import type { CardlensClient } from '@/engine/cardlens';
import type { ImageMeta } from '@/images/image-meta';
import { lazyResource } from '@/lib/lazy-resource';
import { authOf, SANDBOX_BASE_URL, type EndpointKind } from '@/model/connection-settings';
import { specimens } from '@/model/specimens';
import type { ClientFactory } from '@/ui/connection';
import { deviceReader } from './reader';

/** What a card is sent through: the client made from the settings in use when its batch started. */
export interface Connection {
  client: OcrClient;
  identity: ConnectionIdentity;
  endpoint: EndpointKind;
}

// One in-browser sandbox per page, in its own worker: its key pairs and Request-Keys live as long as
// the tab. Its code is loaded when it is first used, so using the real service costs none of it.
export const sandbox = lazyResource(async () => {
  const [{ startSandboxWorker }, { sandboxFetch }, manifest] = await Promise.all([
    import('@/sandbox/sandbox-worker-client'),
    import('@/sandbox/sandbox-fetch'),
    specimens.load(),
  ]);
  // The key pairs are made before it answers. It asks the page's reader for any card not a specimen.
  const instance = await startSandboxWorker(manifest.samples, deviceReader.readCard);
  return { control: instance.control, fetch: sandboxFetch(instance), specimens: manifest.samples };
});

export const createClient: ClientFactory = (settings, baseUrl) => {
  const auth = authOf(settings);
  if (settings.endpoint !== 'sandbox') return createOcrClient({ baseUrl, appKey: settings.appKey, auth });
  // Every call waits for the sandbox, so screens need not.
  const client = lazyResource(() =>
    sandbox
      .load()
      .then(({ fetch }) => createOcrClient({ baseUrl: SANDBOX_BASE_URL, appKey: settings.appKey, auth, fetch })),
  );
  return deferredClient(SANDBOX_BASE_URL, apiVersionOf(auth), client.load);
};

/**
 * Who made an answer, from the endpoint it came through: the in-page sandbox answers a specimen from its
 * ground truth and has this device's reader read anything else (by the sandbox's own rule); every other
 * endpoint is the service, whatever its answer says of itself.
 */
async function answeredBy(endpoint: EndpointKind, image: ImageMeta, kind: AnalysisKind): Promise<AnswerSource> {
  if (endpoint !== 'sandbox') return 'service';
  const [{ specimenIndex }, { samples }] = await Promise.all([import('@/sandbox/specimens'), specimens.load()]);
  return specimenIndex(samples)(image.sha256, kind === 'credit-card' ? 'credit-card' : 'id-card')
    ? 'specimen'
    : 'device';
}

export const engineClient: CardlensClient<Connection> = {
  analyze: (request, via) => analyzeWith(via.client, request),
  answeredBy: (via, image, kind) => answeredBy(via.endpoint, image, kind),
};
