import { apiVersionOf, createOcrClient, deferredClient, type OcrClient } from '@/api';
import { loadManifest } from '@/features/analyze';
import { authOf, SANDBOX_BASE_URL } from '@/model/connection-settings';
import { type ClientFactory } from '@/ui/connection';
import type { RemoteSandbox } from '@/sandbox/sandbox-worker-client';
import { deviceReader } from './reader';

// One in-browser sandbox per page, in its own worker: its key pair and Request-Keys live as long
// as the tab. Its code is loaded lazily, so using the real service costs none of it.
let sandbox: Promise<{ sandbox: RemoteSandbox; fetch: typeof fetch }> | null = null;

export function loadSandbox(): Promise<{ sandbox: RemoteSandbox; fetch: typeof fetch }> {
  sandbox ??= (async () => {
    const [{ startSandboxWorker }, { sandboxFetch }, manifest] = await Promise.all([
      import('@/sandbox/sandbox-worker-client'),
      import('@/sandbox/sandbox-fetch'),
      loadManifest(), // the gallery's, fetched once a page
    ]);
    // The key pairs are made before it answers.
    const instance = await startSandboxWorker(manifest.samples, deviceReader.readCard);
    return { sandbox: instance, fetch: sandboxFetch(instance) };
  })();
  sandbox.catch(() => (sandbox = null));
  return sandbox;
}

export const createClient: ClientFactory = (settings, baseUrl) => {
  const auth = authOf(settings);
  if (settings.endpoint !== 'sandbox') return createOcrClient({ baseUrl, appKey: settings.appKey, auth });
  let client: Promise<OcrClient> | null = null;
  // Every call waits for the sandbox, so screens need not.
  return deferredClient(SANDBOX_BASE_URL, apiVersionOf(auth), () => {
    client ??= loadSandbox().then(({ fetch }) =>
      createOcrClient({ baseUrl: SANDBOX_BASE_URL, appKey: settings.appKey, auth, fetch }),
    );
    // A sandbox that failed to start is tried again with the next call, not remembered for good.
    client.catch(() => (client = null));
    return client;
  });
};
