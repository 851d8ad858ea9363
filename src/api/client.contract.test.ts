import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { OcrError, RESULT_CODES, type CreditCardResult } from '@/api';
import { MALFORMED_KINDS, sandboxFetch } from '@/sandbox';
import { inProcessFetch, manifest, rig, sample, sampleImage, SANDBOX_URL } from '@/test-support/sandbox-fixture';
import { parsePublicKey } from '@/envelope';
import { modulusOfBits, rsaSpkiBase64 } from '@/test-support/rsa-spki';
import { createOcrClient } from './client';
import { MAX_ANSWER_ITEMS, MAX_ANSWER_TEXT } from './schemas';

const KEY_2048 = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');

async function failure(promise: Promise<unknown>): Promise<OcrError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome))
    throw new Error(`expected the call to fail, got ${JSON.stringify(outcome.value).slice(0, 200)}`);
  expect(outcome.error).toBeInstanceOf(OcrError);
  return outcome.error as OcrError;
}

const credit = manifest.samples.filter((s) => s.service === 'credit-card');
const ids = manifest.samples.filter((s) => s.service === 'id-card');

describe('every endpoint succeeds for every sample', () => {
  const { client, sandbox } = rig();

  it('serves both public keys with a string version', async () => {
    for (const service of ['credit-card', 'id-card'] as const) {
      const key = await client.getPublicKey(service);
      expect(key.version).toBe('0');
      expect(key.key.length).toBeGreaterThan(300);
    }
  });

  it.each(credit.map((s) => [s.file, s]))('decrypts %s to its ground truth', async (_, entry) => {
    const { result, timings, keyVersion } = await client.analyzeCreditCard(sampleImage(entry));
    expect(result).toEqual(entry.result);
    expect(keyVersion).toBe('0');
    expect(timings.totalMs).toBeGreaterThanOrEqual(timings.requestMs);
  });

  it.each(ids.map((s) => [s.file, s]))('decrypts %s with and without Request-Key', async (_, entry) => {
    const analysis = await client.analyzeIdCard(sampleImage(entry));
    expect(analysis.result).toEqual(entry.result);
    const verifiable = entry.result.idType !== 'passport';
    expect(analysis.requestKey !== null).toBe(verifiable);
    expect(analysis.requestKeyMissingReason).toBe(verifiable ? null : 'id-type-not-verifiable');
    const standAlone = await client.analyzeIdCardStandAlone(sampleImage(entry));
    expect(standAlone.result).toEqual(entry.result);
    expect(standAlone).not.toHaveProperty('requestKey');
  });

  it('verifies a resident card and a driver licence with their true values', async () => {
    const resident = await client.analyzeIdCard(sampleImage('id-resident.png'));
    const verdict = await client.verifyAuthenticity(resident.requestKey!, {
      idType: 'resident',
      name: '홍길동',
      residentNumber: '9001011234568',
      issueDate: '20190304',
    });
    expect(verdict.result.isAuthenticity).toBe(true);

    const driver = await client.analyzeIdCard(sampleImage('id-driver.png'));
    const driverVerdict = await client.verifyAuthenticity(driver.requestKey!, {
      idType: 'driver',
      name: '김견본',
      residentNumber: '8503152',
      driverLicenseNumber: '111912345610',
      serialNum: 'A1B2C3',
    });
    expect(driverVerdict.result.isAuthenticity).toBe(true);
  });

  it('sends the image as raw ciphertext in a multipart part that keeps the extension', async () => {
    const seen: { name: string; size: number }[] = [];
    const spy = createOcrClient({
      baseUrl: SANDBOX_URL,
      appKey: 'sandbox',
      auth: { kind: 'secret-key', secretKey: 'sandbox' },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'POST') {
          const part = (await request.clone().formData()).get('image') as File;
          seen.push({ name: part.name, size: part.size });
        }
        return sandbox.fetch(request);
      },
    });
    const image = sampleImage('credit-card-exif6.jpg');
    await spy.analyzeCreditCard(image);
    expect(seen).toEqual([{ name: 'credit-card-exif6.jpg', size: (Math.floor(image.bytes.length / 16) + 1) * 16 }]);
  });
});

describe('beforeSend', () => {
  it('is awaited after encrypting: the request leaves only once it resolves', async () => {
    const { client, sandbox } = rig();
    await client.getPublicKey('credit-card');
    sandbox.control.clearLog();
    const stages: string[] = [];
    let open!: () => void;
    const analysis = client.analyzeCreditCard(sampleImage('credit-card.png'), {
      onStage: (stage) => stages.push(stage),
      beforeSend: () => new Promise<void>((resolve) => (open = resolve)),
    });
    await expect.poll(() => stages).toEqual(['preparing', 'encrypting']);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sandbox.control.log()).toEqual([]);
    open();
    expect((await analysis).result).toEqual(sample('credit-card.png').result);
    expect(stages).toEqual(['preparing', 'encrypting', 'sending', 'decrypting']);
    expect(sandbox.control.log()).toHaveLength(1);
  });

  it('stops the request when it throws, and its error reaches the caller as it is', async () => {
    const { client, sandbox } = rig();
    await client.getPublicKey('credit-card');
    sandbox.control.clearLog();
    const refusal = new Error('the image did not decode');
    await expect(
      client.analyzeCreditCard(sampleImage('credit-card.png'), { beforeSend: () => Promise.reject(refusal) }),
    ).rejects.toBe(refusal);
    expect(sandbox.control.log()).toEqual([]);
  });
});

describe('result codes the sandbox produces reach the client mapped', () => {
  it('4010001 for a wrong secret key, and it is a connection problem', async () => {
    const { clientWith } = rig();
    const error = await failure(
      clientWith({ kind: 'secret-key', secretKey: 'wrong' }).analyzeCreditCard(sampleImage('credit-card.png')),
    );
    expect(error).toMatchObject({ kind: 'api', resultCode: 4010001, resultKey: 'INVALID_APPKEY_SECRETKEY' });
    expect(error.isConnectionProblem).toBe(true);
  });

  it('4010001 for a wrong app key', async () => {
    const { clientWith } = rig();
    const error = await failure(
      clientWith({ kind: 'secret-key', secretKey: 'sandbox' }, 'other').getPublicKey('id-card'),
    );
    expect(error.resultCode).toBe(4010001);
  });

  it('4010006 for a wrong v2.1 access token, and v2.1 works with the right one', async () => {
    const { clientWith } = rig();
    expect(
      (await failure(clientWith({ kind: 'access-token', token: 'nope' }).getPublicKey('id-card'))).resultCode,
    ).toBe(4010006);
    const v21 = clientWith({ kind: 'access-token', token: 'sandbox' });
    expect(v21.apiVersion).toBe('v2.1');
    expect((await v21.analyzeIdCard(sampleImage('id-driver.png'))).result).toEqual(sample('id-driver.png').result);
  });

  it('4000111 and 4000121 for a card sent to the other service, saying only bundled samples are recognised', async () => {
    const { client } = rig();
    const notCredit = await failure(client.analyzeCreditCard(sampleImage('id-resident.png')));
    expect(notCredit).toMatchObject({ resultCode: 4000111, resultKey: 'CREDIT_CARD_INFO_NOT_FOUND' });
    expect(notCredit.resultMessage).toMatch(/only the bundled sample images/);
    expect((await failure(client.analyzeIdCard(sampleImage('credit-card.png')))).resultCode).toBe(4000121);
  });

  it('4000111 for a re-encoded sample (one byte changed)', async () => {
    const { client } = rig();
    const image = sampleImage('credit-card.png');
    image.bytes[image.bytes.length - 1] ^= 1;
    expect((await failure(client.analyzeCreditCard(image))).resultCode).toBe(4000111);
  });

  it('4000003 for a PDF and 4000004 for an empty file', async () => {
    const { client } = rig();
    const pdf = { bytes: new TextEncoder().encode('%PDF-1.7\n%fake'), fileName: 'card.png' };
    expect((await failure(client.analyzeCreditCard(pdf))).resultCode).toBe(4000003);
    const empty = { bytes: new Uint8Array(0), fileName: 'card.png' };
    expect((await failure(client.analyzeCreditCard(empty))).resultCode).toBe(4000004);
  });

  it('4131000, with HTTP 200 as NHN documents, for an image over 20 MB', async () => {
    const { client } = rig();
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const error = await failure(client.analyzeCreditCard({ bytes: big, fileName: 'big.jpg' }));
    expect(error).toMatchObject({ kind: 'api', resultCode: 4131000, status: 200 });
  });

  it('every code in the table, forced by fault injection, arrives as an api error with its key', async () => {
    const { client, sandbox } = rig();
    for (const [code, info] of Object.entries(RESULT_CODES)) {
      if (Number(code) === 0) continue;
      // INVALID_KEY_VERSION is retried once with a fresh key, so it has to happen twice to surface.
      sandbox.control.setFaults({ resultCode: Number(code), times: Number(code) === 4000301 ? 2 : 1 });
      const error = await failure(client.analyzeCreditCard(sampleImage('credit-card.png')));
      expect(error, `code ${code}`).toMatchObject({ kind: 'api', resultCode: Number(code), resultKey: info.key });
      expect(info.message.en.length).toBeGreaterThan(5);
      expect(info.message.ko.length).toBeGreaterThan(3);
    }
  });
});

describe('keys and Request-Keys', () => {
  it('recovers from a key rotation mid-session through one retry', async () => {
    const { client, sandbox } = rig();
    await client.analyzeCreditCard(sampleImage('credit-card.png'));
    await sandbox.control.rotateKeys();
    sandbox.control.clearLog();
    const { keyVersion } = await client.analyzeCreditCard(sampleImage('credit-card.png'));
    expect(keyVersion).toBe('1');
    expect(sandbox.control.log().map((e) => [e.method, e.resultCode])).toEqual([
      ['POST', 4000301],
      ['GET', 0],
      ['POST', 0],
    ]);
  });

  it('does not retry an analysis for any other failure', async () => {
    const { client, sandbox } = rig();
    await client.getPublicKey('credit-card');
    sandbox.control.clearLog();
    sandbox.control.setFaults({ resultCode: 5000001 });
    await failure(client.analyzeCreditCard(sampleImage('credit-card.png')));
    expect(sandbox.control.log()).toHaveLength(1);
  });

  it('refuses a Request-Key once it has been used successfully', async () => {
    const { client } = rig();
    const { requestKey } = await client.analyzeIdCard(sampleImage('id-resident.png'));
    const fields = {
      idType: 'resident',
      name: '홍길동',
      residentNumber: '9001011234568',
      issueDate: '20190304',
    } as const;
    expect((await client.verifyAuthenticity(requestKey!, fields)).result.isAuthenticity).toBe(true);
    expect((await failure(client.verifyAuthenticity(requestKey!, fields))).resultCode).toBe(4000122);
  });

  it('refuses a Request-Key past its hour', async () => {
    let clock = 1_000_000;
    const { client } = rig({ now: () => clock });
    const { requestKey } = await client.analyzeIdCard(sampleImage('id-driver.png'));
    clock += 60 * 60 * 1000 + 1;
    const fields = {
      idType: 'driver',
      name: '김견본',
      residentNumber: '8503152',
      driverLicenseNumber: '111912345610',
    } as const;
    expect((await failure(client.verifyAuthenticity(requestKey!, fields))).resultCode).toBe(4000122);
  });

  it('locks a registration card after 5 wrong issue dates', async () => {
    const { client } = rig();
    const wrong = {
      idType: 'resident',
      name: '홍길동',
      residentNumber: '9001011234568',
      issueDate: '20190305',
    } as const;
    for (let i = 0; i < 5; i++) {
      const { requestKey } = await client.analyzeIdCard(sampleImage('id-resident.png'));
      expect((await client.verifyAuthenticity(requestKey!, wrong)).result.isAuthenticity).toBe(false);
    }
    const { requestKey } = await client.analyzeIdCard(sampleImage('id-resident.png'));
    const error = await failure(client.verifyAuthenticity(requestKey!, { ...wrong, issueDate: '20190304' }));
    expect(error).toMatchObject({ resultCode: 4000123, resultKey: 'REGISTRATION_CARD_AUTHENTICATION_LOCKED' });
  });

  it('stamps the Request-Key when the answer arrives, by the injected wall clock, not after decrypting', async () => {
    const { sandbox } = rig();
    let clock = 0;
    const arrived = 5_000;
    const inner = inProcessFetch(sandbox);
    const client = createOcrClient({
      baseUrl: SANDBOX_URL,
      appKey: 'sandbox',
      auth: { kind: 'secret-key', secretKey: 'sandbox' },
      wallClock: () => clock,
      fetch: async (input, init) => {
        const response = await inner(input, init);
        clock = arrived;
        return response;
      },
    });
    const subtleDecrypt = crypto.subtle.decrypt.bind(crypto.subtle);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt').mockImplementation((...args) => {
      clock = arrived + 60_000; // decrypting takes a minute on this clock
      return subtleDecrypt(...args);
    });
    try {
      const analysis = await client.analyzeIdCard(sampleImage('id-resident.png'));
      expect(decrypt).toHaveBeenCalled();
      expect(analysis.requestKeyIssuedAt).toBe(arrived);
    } finally {
      decrypt.mockRestore();
    }
  });

  it('cancelling one card while the shared key is being fetched cancels only that card', async () => {
    const { client, sandbox } = rig({ faults: { latencyMs: 40 } });
    const first = new AbortController();
    const cancelled = client.analyzeCreditCard(sampleImage('credit-card.png'), { signal: first.signal });
    const waiting = client.analyzeCreditCard(sampleImage('credit-card-angled.png'));
    await new Promise((resolve) => setTimeout(resolve, 5)); // both wait on one key fetch
    first.abort();
    expect((await failure(cancelled)).kind).toBe('aborted');
    const { result } = await waiting;
    expect(result.totalCardNum).toBe(sample('credit-card-angled.png').result.totalCardNum);
    expect(sandbox.control.log().filter((e) => e.method === 'GET')).toHaveLength(1);
  });

  it('says the header was not exposed when CORS hides Request-Key', async () => {
    const { sandbox } = rig({ faults: { hideRequestKey: true } });
    const browserLike = createOcrClient({
      baseUrl: SANDBOX_URL,
      appKey: 'sandbox',
      auth: { kind: 'secret-key', secretKey: 'sandbox' },
      fetch: sandboxFetch(sandbox),
    });
    const analysis = await browserLike.analyzeIdCard(sampleImage('id-resident.png'));
    expect(analysis.requestKey).toBeNull();
    expect(analysis.requestKeyMissingReason).toBe('header-not-exposed');
  });

  it('refuses bad authenticity fields by name and sends nothing', async () => {
    const { client, sandbox } = rig();
    const { requestKey } = await client.analyzeIdCard(sampleImage('id-resident.png'));
    sandbox.control.clearLog();
    const error = await failure(
      client.verifyAuthenticity(requestKey!, {
        idType: 'resident',
        name: '',
        residentNumber: '900101-1234568',
        issueDate: '20230230',
      }),
    );
    expect(error.kind).toBe('invalid-request');
    expect(error.fieldProblems?.map((p) => p.field)).toEqual(['name', 'residentNumber', 'issueDate']);
    expect(sandbox.control.log()).toHaveLength(0);
  });
});

describe('a client with an empty credential', () => {
  it.each([
    ['app key', { appKey: ' ', auth: { kind: 'secret-key', secretKey: 'sandbox' } }],
    ['secret key', { appKey: 'sandbox', auth: { kind: 'secret-key', secretKey: '' } }],
    ['access token', { appKey: 'sandbox', auth: { kind: 'access-token', token: '' } }],
  ] as const)('with no %s refuses every call as not-configured and sends nothing', async (missing, credentials) => {
    let requests = 0;
    const client = createOcrClient({
      baseUrl: SANDBOX_URL,
      ...credentials,
      fetch: () => {
        requests++;
        return Promise.reject(new Error('must not be called'));
      },
    });
    for (const call of [
      client.getPublicKey('credit-card'),
      client.analyzeCreditCard(sampleImage('credit-card.png')),
      client.analyzeIdCard(sampleImage('id-resident.png')),
    ]) {
      const error = await failure(call);
      expect(error.kind).toBe('not-configured');
      expect(error.message).toContain(missing);
      expect(error.isConnectionProblem).toBe(true);
    }
    expect(requests).toBe(0);
  });
});

describe('a client on a page that is not a secure context', () => {
  // A page served over plain HTTP from another computer: the browser says so with isSecureContext.
  it('refuses every call, whatever the endpoint, and sends nothing', async () => {
    vi.stubGlobal('isSecureContext', false);
    try {
      for (const baseUrl of [SANDBOX_URL, 'https://api-ocr.nhncloudservice.com', 'http://192.0.2.1:8080']) {
        const sent: string[] = [];
        const client = createOcrClient({
          baseUrl,
          appKey: 'sandbox',
          auth: { kind: 'secret-key', secretKey: 'sandbox' },
          fetch: (input) => {
            sent.push(input instanceof Request ? input.url : input.toString());
            return Promise.reject(new Error('must not be called'));
          },
        });
        for (const call of [
          client.getPublicKey('id-card', { fresh: true }),
          client.analyzeCreditCard(sampleImage('credit-card.png')),
          client.analyzeIdCardStandAlone(sampleImage('id-resident.png')),
          client.verifyAuthenticity('request-key', {
            idType: 'resident',
            name: '홍길동',
            residentNumber: '9001011234568',
            issueDate: '20190304',
          }),
        ]) {
          const error = await failure(call);
          expect(error.kind).toBe('insecure-context');
          expect(error.message).toMatch(/not a secure context.*nothing was sent/);
          expect(error.isConnectionProblem).toBe(true);
        }
        expect(sent, baseUrl).toEqual([]);
      }
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('takes the flag from its options too', async () => {
    const { sandbox } = rig();
    const client = createOcrClient({
      baseUrl: SANDBOX_URL,
      appKey: 'sandbox',
      auth: { kind: 'access-token', token: 'sandbox' },
      fetch: inProcessFetch(sandbox),
      secureContext: false,
    });
    expect((await failure(client.analyzeIdCard(sampleImage('id-resident.png')))).kind).toBe('insecure-context');
    expect(sandbox.control.log()).toHaveLength(0);
  });
});

describe('transport failures are typed', () => {
  it('network when the connection drops', async () => {
    const { client, sandbox } = rig();
    await client.getPublicKey('credit-card');
    sandbox.control.setFaults({ dropConnection: true });
    const error = await failure(client.analyzeCreditCard(sampleImage('credit-card.png')));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/CORS/);
    expect(error.message).toMatch(/Dev proxy/);
  });

  it('http for a 5xx with no parseable body', async () => {
    const { client, sandbox } = rig();
    sandbox.control.setFaults({ httpStatus: 503 });
    const error = await failure(client.analyzeCreditCard(sampleImage('credit-card.png')));
    expect(error).toMatchObject({ kind: 'http', status: 503 });
  });

  it('timeout when the service is slower than the limit', async () => {
    const { clientWith } = rig({ faults: { latencyMs: 500 } });
    const error = await failure(
      clientWith({ kind: 'secret-key', secretKey: 'sandbox' }, 'sandbox', 100).getPublicKey('id-card'),
    );
    expect(error.kind).toBe('timeout');
  });

  it('aborted when the caller cancels', async () => {
    const { client } = rig({ faults: { latencyMs: 300 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect((await failure(client.getPublicKey('id-card', { signal: controller.signal }))).kind).toBe('aborted');
  });

  it.each(MALFORMED_KINDS.map((k) => [k]))(
    '%s from the service ends as malformed-response or decrypt',
    async (kind) => {
      for (const file of ['credit-card.png', 'id-resident.png']) {
        const { client, sandbox } = rig();
        sandbox.control.setFaults({ malformed: kind });
        const call = file.startsWith('credit')
          ? client.analyzeCreditCard(sampleImage(file))
          : client.analyzeIdCard(sampleImage(file));
        const error = await failure(call);
        expect(['malformed-response', 'decrypt']).toContain(error.kind);
        if (kind === 'bad-base64') expect(error.kind).toBe('decrypt');
      }
    },
  );
});

describe('responses the sandbox never sends but other services might', () => {
  const reply = (body: unknown, init: ResponseInit = {}) =>
    createOcrClient({
      baseUrl: SANDBOX_URL,
      appKey: 'k',
      auth: { kind: 'secret-key', secretKey: 's' },
      fetch: () => Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), init)),
    });

  it('accepts totalCardNum as a list', async () => {
    const { sandbox } = rig();
    const client = createOcrClient({
      baseUrl: SANDBOX_URL,
      appKey: 'sandbox',
      auth: { kind: 'secret-key', secretKey: 'sandbox' },
      fetch: async (input, init) => {
        const response = await inProcessFetch(sandbox)(input, init);
        if (new Request(input, init).method !== 'POST') return response;
        const body = (await response.json()) as { result: { cardNums: { value: string }[]; totalCardNum: unknown } };
        body.result.totalCardNum = body.result.cardNums.map((c) => c.value); // each part encrypted on its own
        return new Response(JSON.stringify(body), { headers: response.headers });
      },
    });
    const { result } = await client.analyzeCreditCard(sampleImage('credit-card.png'));
    expect(result.totalCardNum).toBe((sample('credit-card.png').result as CreditCardResult).totalCardNum);
  });

  it('drops a claim in the answer of who made it, for both services, keeping every other unknown field', async () => {
    const { sandbox } = rig();
    const client = createOcrClient({
      baseUrl: SANDBOX_URL,
      appKey: 'sandbox',
      auth: { kind: 'secret-key', secretKey: 'sandbox' },
      fetch: async (input, init) => {
        const response = await inProcessFetch(sandbox)(input, init);
        if (new Request(input, init).method !== 'POST') return response;
        const body = (await response.json()) as { result: Record<string, unknown> };
        Object.assign(body.result, { cardlensReader: 'on-device', engine: 'v9' });
        return new Response(JSON.stringify(body), { headers: response.headers });
      },
    });
    const card = await client.analyzeCreditCard(sampleImage('credit-card.png'));
    const id = await client.analyzeIdCard(sampleImage('id-resident.png'));
    for (const { result } of [card, id]) {
      expect(result).not.toHaveProperty('cardlensReader');
      expect(result).toHaveProperty('engine', 'v9');
    }
  });

  it('parses a JSON error body on HTTP 413, and names its code', async () => {
    const error = await failure(
      reply(
        { header: { isSuccessful: false, resultCode: 4131000, resultMessage: 'too big' } },
        { status: 413 },
      ).getPublicKey('id-card'),
    );
    // Nothing was uploaded, so it cannot be the service's size limit (client.oversize.test.ts).
    expect(error).toMatchObject({ kind: 'too-large-for-proxy', status: 413 });
    expect(error.message).toContain('HTTP 413 (4131000)');
  });

  it('keeps unknown codes, with the key the service sent', async () => {
    const error = await failure(
      reply({
        header: {
          isSuccessful: false,
          resultCode: 4000101,
          resultMessage: 'x',
          resultKey: 'INVALID_BUSINESS_REGISTRATION_FORMAT',
        },
      }).getPublicKey('id-card'),
    );
    expect(error.resultKey).toBe('INVALID_BUSINESS_REGISTRATION_FORMAT');
  });

  it('accepts a numeric key version and keeps unknown result fields', async () => {
    const key = await reply({
      header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
      result: { key: KEY_2048, version: 1, extra: true },
    }).getPublicKey('id-card');
    expect(key).toMatchObject({ key: KEY_2048, version: '1', extra: true });
  });

  it('calls a key that is not RSA unusable rather than crashing', async () => {
    const client = reply({
      header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
      result: { key: 'AAAA', version: '0' },
    });
    const error = await failure(client.analyzeCreditCard(sampleImage('credit-card.png')));
    expect(error.kind).toBe('unusable-public-key');
    expect(error.message).toMatch(/credit-card public key was refused, so nothing was sent: public key is not a DER/);
  });
});

describe('a public key outside the bounds is refused before any wrap', () => {
  const n2048 = parsePublicKey(KEY_2048).n;
  /** A service whose key fetch answers `key`; it records every request the client makes. */
  function serviceWithKey(key: string) {
    const seen: string[] = [];
    const client = createOcrClient({
      baseUrl: SANDBOX_URL,
      appKey: 'k',
      auth: { kind: 'secret-key', secretKey: 's' },
      fetch: (input, init) => {
        const request = new Request(input, init);
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return Promise.resolve(
          Response.json({
            header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
            result: { key, version: '0' },
          }),
        );
      },
    });
    return { client, seen };
  }

  it.each([
    [
      'a modulus of 8192 bits',
      rsaSpkiBase64(modulusOfBits(8192), 65537n),
      'RSA modulus is 8192 bits, not 1024 to 4096',
    ],
    ['a modulus of 512 bits', rsaSpkiBase64(modulusOfBits(512), 65537n), 'RSA modulus is 512 bits, not 1024 to 4096'],
    [
      'an exponent over 2^32+1',
      rsaSpkiBase64(n2048, (1n << 40n) + 1n),
      'RSA exponent is not an odd number from 3 to 2^32+1',
    ],
    ['an even exponent', rsaSpkiBase64(n2048, 65536n), 'RSA exponent is not an odd number from 3 to 2^32+1'],
  ])('%s: the analysis fails with its own message and only the key was fetched', async (_, key, reason) => {
    const { client, seen } = serviceWithKey(key);
    const error = await failure(client.analyzeCreditCard(sampleImage('credit-card.png')));
    expect(error.kind).toBe('unusable-public-key');
    expect(error.message).toContain(reason);
    expect(error.isConnectionProblem).toBe(true);
    expect(seen).toEqual(['GET /v2.0/appkeys/k/public-keys/credit-card']);
  });

  it('refuses it on the key fetch itself, so the connection check sees it', async () => {
    const { client } = serviceWithKey(rsaSpkiBase64(modulusOfBits(8192), 65537n));
    const error = await failure(client.getPublicKey('id-card'));
    expect(error.kind).toBe('unusable-public-key');
  });

  it('takes a 4096-bit key with the largest exponent allowed', async () => {
    const { client } = serviceWithKey(rsaSpkiBase64(modulusOfBits(4096) + 2n, (1n << 32n) + 1n));
    await expect(client.getPublicKey('id-card')).resolves.toMatchObject({ version: '0' });
  });
});

describe('an answer larger than the bounds is refused as malformed, not drawn', () => {
  type Body = { header: { resultMessage: string }; result: Record<string, unknown> };
  /** The sandbox's own answer to a POST, changed by `edit` on its way to the client. */
  function editedAnswers(edit: (body: Body) => void) {
    const { sandbox } = rig();
    return createOcrClient({
      baseUrl: SANDBOX_URL,
      appKey: 'sandbox',
      auth: { kind: 'secret-key', secretKey: 'sandbox' },
      fetch: async (input, init) => {
        const response = await inProcessFetch(sandbox)(input, init);
        if (new Request(input, init).method !== 'POST') return response;
        const body = (await response.json()) as Body;
        edit(body);
        return new Response(JSON.stringify(body), { headers: response.headers });
      },
    });
  }
  const repeat = <T>(list: T[], n: number) => Array.from({ length: n }, (_, i) => list[i % list.length]);

  it.each([
    ['credit-card boxes', 'credit-card.png', 'boxes', 'cardNumBoxes'],
    ['credit-card numbers', 'credit-card.png', 'cardNums', 'cardNums'],
    ['credit-card number boxes', 'credit-card.png', 'cardNumBoxes', 'cardNumBoxes'],
    ['ID-card fields', 'id-resident.png', 'keyValues', 'keyValues'],
  ])(`%s: ${MAX_ANSWER_ITEMS} are drawn, one more is refused`, async (_, file, list, from) => {
    const analyze = (n: number) => {
      const client = editedAnswers(({ result }) => void (result[list] = repeat(result[from] as unknown[], n)));
      return file.startsWith('credit')
        ? client.analyzeCreditCard(sampleImage(file))
        : client.analyzeIdCardStandAlone(sampleImage(file));
    };
    const { result } = await analyze(MAX_ANSWER_ITEMS);
    expect((result as unknown as Record<string, unknown[]>)[list]).toHaveLength(MAX_ANSWER_ITEMS);
    const error = await failure(analyze(MAX_ANSWER_ITEMS + 1));
    expect(error.kind).toBe('malformed-response');
    expect(error.message).toContain(`${list}: length ${MAX_ANSWER_ITEMS + 1}, over ${MAX_ANSWER_ITEMS}`);
  });

  it(`refuses a value, a key name or a message over ${MAX_ANSWER_TEXT} characters`, async () => {
    const long = 'A'.repeat(MAX_ANSWER_TEXT + 4);
    const value = editedAnswers(({ result }) => void ((result.keyValues as { value: string }[])[0].value = long));
    expect((await failure(value.analyzeIdCardStandAlone(sampleImage('id-resident.png')))).message).toContain(
      `keyValues.0.value: length ${MAX_ANSWER_TEXT + 4}, over ${MAX_ANSWER_TEXT}`,
    );
    const key = editedAnswers(({ result }) => void ((result.keyValues as { key: string }[])[1].key = long));
    expect((await failure(key.analyzeIdCardStandAlone(sampleImage('id-resident.png')))).kind).toBe(
      'malformed-response',
    );
    const message = editedAnswers(({ header }) => void (header.resultMessage = long));
    const error = await failure(message.analyzeCreditCard(sampleImage('credit-card.png')));
    expect(error.kind).toBe('malformed-response');
    expect(error.message).toContain('header.resultMessage: length');
  });
});
