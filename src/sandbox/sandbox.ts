import { REQUEST_KEY_TTL_MS, type OcrService, type SampleEntry } from '@/api/types';
import { base64ToBytes, decryptBytes, decryptText } from '@/envelope';
import { sha256Hex } from '@/lib/hex';
import { MAX_IMAGE_BYTES, sniffImageFormat } from '@/lib/image-format';
import { verdict } from './authenticity-verdict';
import { readAsSample, specimenIndex } from './specimens';
import type { Sandbox, SandboxControl, SandboxLogEntry, SandboxOptions } from './sandbox-types';
import { checkFaults, corrupt, withAlteredDigit, type SandboxFaults } from './faults';
import { corsHeaders, jsonBody, SandboxFailure, statusFor } from './responses';
import { generateRsaKeyPair, unwrapPkcs1v15, type RsaKeyPair } from './rsa-private-key';
import { ROUTE, routeOf, type Route } from './routes';
import { encryptResult, truthOf, type IdSample } from './sample-results';

export type { Sandbox, SandboxControl, SandboxLogEntry, SandboxOptions } from './sandbox-types';

export const SANDBOX_CREDENTIAL = 'sandbox';
const SERVICES: readonly OcrService[] = ['credit-card', 'id-card'];

interface ServiceKey {
  version: number;
  pair: RsaKeyPair;
}

interface RequestKeyRecord {
  sample: IdSample;
  issuedAt: number;
  used: boolean;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const appKey = options.appKey ?? SANDBOX_CREDENTIAL;
  const secretKey = options.secretKey ?? SANDBOX_CREDENTIAL;
  const accessToken = options.accessToken ?? SANDBOX_CREDENTIAL;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const modulusLength = options.modulusLength ?? 2048;
  const specimen = specimenIndex(options.samples ?? []);
  const maxLogEntries = options.maxLogEntries ?? 1000;
  const maxRequestKeys = options.maxRequestKeys ?? 10_000;

  let faults: SandboxFaults = { ...options.faults };
  let log: SandboxLogEntry[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const requestKeys = new Map<string, RequestKeyRecord>();
  const wrongIssueDates = new Map<string, number>();

  let keys: Promise<Record<OcrService, ServiceKey>> | null = null;
  let keyGeneration = 0;
  const makeKeys = (version: number) =>
    Promise.all(SERVICES.map(() => generateRsaKeyPair(modulusLength))).then(([card, id]) => ({
      'credit-card': { version, pair: card },
      'id-card': { version, pair: id },
    }));
  const currentKeys = () => (keys ??= makeKeys(keyGeneration));

  function takePostFaults(): SandboxFaults {
    const active = faults;
    if (active.times !== undefined) {
      const left = active.times - 1;
      faults = left > 0 ? { ...active, times: left } : { latencyMs: active.latencyMs, jitterMs: active.jitterMs };
    }
    return active;
  }

  function checkCredentials(request: Request, apiVersion: string, pathAppKey: string): void {
    if (apiVersion === 'v2.1') {
      if (request.headers.get('X-NHN-Authorization') !== `Bearer ${accessToken}`) throw new SandboxFailure(4010006);
    } else if (request.headers.get('Authorization') !== secretKey) {
      throw new SandboxFailure(4010001);
    }
    if (decodeURIComponent(pathAppKey) !== appKey) throw new SandboxFailure(4010001);
  }

  async function unwrapHeaders(request: Request, service: OcrService): Promise<Uint8Array> {
    const version = request.headers.get('X-Key-Version');
    const wrapped = request.headers.get('Symmetric-Key');
    if (version === null || wrapped === null) throw new SandboxFailure(4000005);
    const key = (await currentKeys())[service];
    if (version !== String(key.version)) throw new SandboxFailure(4000301);
    let wrappedBytes: Uint8Array;
    try {
      wrappedBytes = base64ToBytes(wrapped);
    } catch {
      throw new SandboxFailure(4000302);
    }
    const symmetricKey = unwrapPkcs1v15(key.pair.privateKey, wrappedBytes, 32);
    if (!symmetricKey) throw new SandboxFailure(4000302);
    return symmetricKey;
  }

  /** Stores a Request-Key, first sweeping expired ones and then dropping the oldest past the cap. */
  function keepRequestKey(requestKey: string, record: RequestKeyRecord): void {
    for (const [key, { issuedAt }] of requestKeys) {
      if (record.issuedAt - issuedAt > REQUEST_KEY_TTL_MS) requestKeys.delete(key);
    }
    while (requestKeys.size >= maxRequestKeys) requestKeys.delete(requestKeys.keys().next().value!);
    requestKeys.set(requestKey, record);
  }

  async function analyze(request: Request, route: Extract<Route, { kind: 'analyze' }>, active: SandboxFaults) {
    const symmetricKey = await unwrapHeaders(request, route.service);
    let part: FormDataEntryValue | null;
    try {
      part = (await request.formData()).get('image');
    } catch {
      throw new SandboxFailure(4000001, 'the body is not multipart/form-data');
    }
    if (!(part instanceof Blob)) throw new SandboxFailure(4000001, 'no image part');
    const cipher = new Uint8Array(await part.arrayBuffer());
    if (cipher.length === 0) throw new SandboxFailure(4000004);
    let image: Uint8Array;
    try {
      image = await decryptBytes(symmetricKey, cipher);
    } catch {
      throw new SandboxFailure(4000303);
    }
    if (image.length === 0) throw new SandboxFailure(4000004);
    if (!sniffImageFormat(image)) throw new SandboxFailure(4000003);
    if (image.length > MAX_IMAGE_BYTES) throw new SandboxFailure(4131000);

    const digest = await sha256Hex(image);
    const sample = specimen(digest, route.service) ?? (await readOnDevice(image, route.service, digest));
    const result = await encryptResult(
      symmetricKey,
      active.alterDigit ? withAlteredDigit(sample, active.alterDigit) : sample,
    );
    const headers: Record<string, string> = {};
    const verifiable = sample.service === 'id-card' && ['resident', 'driver'].includes(sample.result.idType);
    if (route.path === 'id-card' && sample.service === 'id-card' && verifiable) {
      const requestKey = crypto.randomUUID().replace(/-/g, '');
      keepRequestKey(requestKey, { sample, issuedAt: now(), used: false });
      headers['Request-Key'] = requestKey;
    }
    return { resultCode: 0, result, headers };
  }

  /** Any image but a specimen goes to the on-device reader, when the sandbox has one. */
  async function readOnDevice(image: Uint8Array, service: OcrService, digest: string): Promise<SampleEntry> {
    const notFound = service === 'credit-card' ? 4000111 : 4000121;
    if (!options.readCard) {
      throw new SandboxFailure(
        notFound,
        'The sandbox recognises only the bundled sample images, byte for byte; a re-encoded or edited copy is not recognised.',
      );
    }
    const read = await options.readCard(image, service);
    if (read.kind === 'read') return readAsSample(read, service, digest);
    if (read.kind === 'nothing') throw new SandboxFailure(notFound, `Read on this device. ${read.lookedFor}`);
    // The device's fault, not the image's: 5000503 is retried, where 4000111 / 4000121 refuse the image for good.
    const why = `The on-device reader could not start (${read.why}), so the sandbox recognises only its specimens.`;
    throw new SandboxFailure(5000503, why);
  }

  async function authenticity(request: Request) {
    const symmetricKey = await unwrapHeaders(request, 'id-card');
    const requestKey = request.headers.get('Request-Key');
    if (requestKey === null) throw new SandboxFailure(4000005);
    const record = requestKeys.get(requestKey);
    if (!record || record.used || now() - record.issuedAt > REQUEST_KEY_TTL_MS) throw new SandboxFailure(4000122);

    let body: Record<string, unknown>;
    try {
      body = (await request.json()) as Record<string, unknown>;
    } catch {
      throw new SandboxFailure(4000001, 'the body is not JSON');
    }
    const truth = truthOf(record.sample);
    const idType = record.sample.result.idType;
    if (body.idType !== idType) throw new SandboxFailure(4000001, 'idType does not match the analysed card');
    const decrypt = async (field: string, required = true): Promise<string | undefined> => {
      const value = body[field];
      if (value === undefined || value === null || value === '') {
        if (required) throw new SandboxFailure(4000001, `${field} is required`);
        return undefined;
      }
      if (typeof value !== 'string') throw new SandboxFailure(4000001, `${field} must be a string`);
      try {
        return await decryptText(symmetricKey, value);
      } catch {
        throw new SandboxFailure(4000303);
      }
    };

    const authentic = await verdict(idType, truth, decrypt, record.sample.sha256, wrongIssueDates);
    record.used = true; // dead after one successful verification, whatever its verdict
    return { resultCode: 0, result: { isAuthenticity: authentic }, headers: {} };
  }

  async function handle(
    request: Request,
    path: string,
    active: SandboxFaults,
  ): Promise<{ status: number; body: Record<string, unknown> | string; headers: Record<string, string> }> {
    const match = ROUTE.exec(path);
    const route = match ? routeOf(request.method, match[3]) : null;
    if (!match || !route) return { status: statusFor(4041007), body: jsonBody(4041007), headers: {} };
    try {
      checkCredentials(request, match[1], match[2]);
      if (route.kind === 'public-key') {
        const key = (await currentKeys())[route.service];
        return {
          status: 200,
          body: jsonBody(0, { key: key.pair.publicKeyBase64, version: String(key.version) }),
          headers: {},
        };
      }
      if (active.resultCode !== undefined) throw new SandboxFailure(active.resultCode);
      const answer = route.kind === 'analyze' ? await analyze(request, route, active) : await authenticity(request);
      const body = jsonBody(0, answer.result);
      return { status: 200, body: active.malformed ? corrupt(body, active.malformed) : body, headers: answer.headers };
    } catch (error) {
      if (!(error instanceof SandboxFailure)) throw error;
      return {
        status: statusFor(error.resultCode),
        body: jsonBody(error.resultCode, undefined, error.detail),
        headers: {},
      };
    }
  }

  async function fetch(request: Request): Promise<Response> {
    const started = now();
    const url = new URL(request.url);
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: corsHeaders(true) });

    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Latency is how long the service takes to answer as a caller sees it, its own work included:
    // the sandbox works while the clock runs, so a benchmark's "150 ms service" answers in 150 ms.
    const delay = (faults.latencyMs ?? 0) + Math.random() * (faults.jitterMs ?? 0);
    const answerable = delay > 0 ? sleep(delay) : Promise.resolve();
    const active = request.method === 'POST' ? takePostFaults() : { latencyMs: faults.latencyMs };
    try {
      const outcome = await respond(request, url, active);
      await answerable;
      log.push({ at: started, method: request.method, path: url.pathname, ...outcome.logged, ms: now() - started });
      if (log.length > maxLogEntries) log.splice(0, log.length - maxLogEntries);
      if (!outcome.response) throw new TypeError('The sandbox dropped the connection (fault injection).');
      return outcome.response;
    } finally {
      inFlight--;
    }
  }

  async function respond(
    request: Request,
    url: URL,
    active: SandboxFaults,
  ): Promise<{ response: Response | null; logged: Pick<SandboxLogEntry, 'status' | 'resultCode'> }> {
    if (active.dropConnection) {
      return { response: null, logged: { status: 0, resultCode: null } };
    }
    if (active.httpStatus !== undefined) {
      const response = new Response('Service Unavailable', {
        status: active.httpStatus,
        headers: { ...corsHeaders(true), 'Content-Type': 'text/plain' },
      });
      return { response, logged: { status: active.httpStatus, resultCode: null } };
    }
    const { status, body, headers } = await handle(request, url.pathname, active);
    const resultCode =
      typeof body === 'string' ? null : ((body.header as { resultCode?: number } | undefined)?.resultCode ?? null);
    const response = new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: {
        'Content-Type': 'application/json;charset=UTF-8',
        ...corsHeaders(!active.hideRequestKey),
        ...headers,
      },
    });
    return { response, logged: { status, resultCode } };
  }

  const control: SandboxControl = {
    async rotateKeys() {
      keyGeneration = (await currentKeys())['credit-card'].version + 1;
      keys = makeKeys(keyGeneration);
      await keys;
    },
    keyVersion: async (service) => String((await currentKeys())[service].version),
    setFaults(next) {
      faults = { ...checkFaults(next) };
    },
    faults: () => ({ ...faults }),
    log: () => log,
    clearLog() {
      log = [];
    },
    maxInFlight: () => maxInFlight,
    requestKeyCount: () => requestKeys.size,
    resetStats() {
      maxInFlight = inFlight;
    },
  };

  return { fetch, control };
}
