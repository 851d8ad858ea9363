import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encryptText } from '@/envelope';
import { modulusOfBits, rsaSpkiBase64 } from '@/test-support/rsa-spki';
import { createOcrClient } from './client';
import { OcrError } from './errors';
import { MAX_ANSWER_ITEMS } from './schemas';

// Every response a service (or a proxy, or a broken network) could send must end as a typed result
// or a typed OcrError: never another throw, never a hang. The client's randomness is fixed here, so
// the fake service knows the symmetric key and can encrypt some values properly and break others.
const RUNS = 10_000;
const KEY = new Uint8Array(32).fill(0x42);
const fixedRandom = {
  getRandomValues: <T extends ArrayBufferView | null>(array: T): T => (
    (array as unknown as Uint8Array).fill(0x42),
    array
  ),
};
const PUBLIC_KEY = generateKeyPairSync('rsa', { modulusLength: 1024 })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');
const image = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), fileName: 'card.jpg' };
const RESIDENT = {
  idType: 'resident',
  name: '홍길동',
  residentNumber: '9001011234568',
  issueDate: '20190304',
} as const;
const SUCCESS = { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' };

/** RSA keys of every size and exponent, in and out of the bounds (hand-built: OpenSSL would take minutes). */
const anyRsaKey = fc
  .tuple(
    fc.oneof(fc.integer({ min: 16, max: 12_000 }), fc.constantFrom(1023, 1024, 4096, 4097)),
    fc.oneof(
      fc.bigInt({ min: 0n, max: 1n << 40n }),
      fc.constantFrom(1n, 2n, 3n, 65537n, (1n << 32n) + 1n, (1n << 32n) + 3n, 1n << 2000n),
    ),
  )
  .map(([bits, e]) => ({ key: rsaSpkiBase64(modulusOfBits(bits), e), bits, e }));

/** A value as the service might send it: properly encrypted, or broken in one of several ways. */
type Cipher =
  | { kind: 'ok'; text: string }
  | { kind: 'truncated'; text: string }
  | { kind: 'wrong-length' }
  | { kind: 'junk'; raw: unknown };
const cipher: fc.Arbitrary<Cipher> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 40 }).map((text) => ({ kind: 'ok' as const, text })) },
  {
    weight: 1,
    arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map((text) => ({ kind: 'truncated' as const, text })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrong-length' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.string({ maxLength: 5000 }), fc.integer(), fc.constant(null), fc.jsonValue({ depthSize: 'medium' }))
      .map((raw) => ({ kind: 'junk' as const, raw })),
  },
);

const validCipher = fc.string({ maxLength: 40 }).map((text): Cipher => ({ kind: 'ok', text }));
const validConf = fc.double({ min: 0, max: 1, noNaN: true });
const validCoordinate = fc.integer({ min: -100, max: 10_000 });
const badCoordinate = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -1e308, 1e308),
  fc.string(),
  fc.constant(null),
  fc.boolean(),
);
const COORDS = ['x1', 'y1', 'x2', 'y2', 'x3', 'y3', 'x4', 'y4'] as const;
const validBox = fc
  .tuple(...COORDS.map(() => validCoordinate))
  .map((v) => Object.fromEntries(COORDS.map((k, i) => [k, v[i]])));
// A box with NaN, huge, negative, wrong-typed or missing coordinates.
const anyBox = fc.oneof(
  { weight: 4, arbitrary: validBox },
  {
    weight: 1,
    arbitrary: fc.tuple(validBox, fc.constantFrom(...COORDS), badCoordinate).map(([b, k, bad]) => ({ ...b, [k]: bad })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(validBox, fc.constantFrom(...COORDS))
      .map(([b, k]) => Object.fromEntries(Object.entries(b).filter(([key]) => key !== k))),
  },
);
const anyConf = fc.oneof(
  { weight: 4, arbitrary: validConf },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom(Number.NaN, -1, 2), fc.string()) },
);

function creditCardResult(value: fc.Arbitrary<Cipher>, conf: fc.Arbitrary<unknown>, box: fc.Arbitrary<unknown>) {
  return fc.record(
    {
      fileType: fc.constantFrom('png', 'jpg'),
      resolution: fc.constantFrom('normal', 'low'),
      cardNums: fc.array(fc.record({ value, conf }), { maxLength: 6 }),
      totalCardNum: fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 4 })),
      cardNumBoxes: fc.array(box, { maxLength: 6 }),
      validThru: fc.option(fc.record({ value, conf }), { nil: undefined }),
      validThruBox: fc.option(box, { nil: undefined }),
      boxes: fc.option(fc.array(box, { maxLength: 4 }), { nil: undefined }),
      extra: fc.jsonValue({ depthSize: 'large' }),
    },
    { requiredKeys: ['fileType', 'resolution', 'cardNums', 'totalCardNum', 'cardNumBoxes'] },
  );
}
function idCardResult(value: fc.Arbitrary<Cipher>, conf: fc.Arbitrary<unknown>, box: fc.Arbitrary<unknown>) {
  return fc.record(
    {
      fileType: fc.constantFrom('png', 'jpg'),
      resolution: fc.constantFrom('normal', 'low'),
      idType: fc.oneof(fc.constantFrom('resident', 'driver', 'passport'), fc.string()),
      keyValues: fc.array(
        fc.record({
          key: fc.oneof(fc.constantFrom('name', 'residentNumber', 'issueDate', 'MRZ2'), fc.string()),
          value,
          conf,
          bbox: box,
        }),
        { maxLength: 20 },
      ),
      boxes: fc.option(fc.array(box, { maxLength: 4 }), { nil: undefined }),
    },
    { requiredKeys: ['fileType', 'resolution', 'idType', 'keyValues'] },
  );
}
// Wrong types anywhere: the whole result replaced by, or a field set to, something else.
const wrongTypes = fc.oneof(
  fc.jsonValue({ depthSize: 'large' }),
  fc.string({ maxLength: 10_000 }),
  fc.array(fc.anything({ maxDepth: 6 })),
);
const creditCard = fc.oneof(
  creditCardResult(validCipher, validConf, validBox),
  creditCardResult(cipher, anyConf, anyBox),
  wrongTypes,
);
const idCard = fc.oneof(
  idCardResult(validCipher, validConf, validBox),
  idCardResult(cipher, anyConf, anyBox),
  wrongTypes,
);
const header = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' }) },
  {
    weight: 1,
    arbitrary: fc.record({
      isSuccessful: fc.boolean(),
      resultCode: fc.oneof(fc.integer(), fc.string()),
      resultMessage: fc.oneof(fc.string(), fc.integer()),
    }),
  },
);

/** A whole response: mostly the documented shape, sometimes anything at all. */
function responses(result: fc.Arbitrary<unknown>) {
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record({ status: fc.constantFrom(200, 200, 200, 413, 500), body: fc.record({ header, result }) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ status: fc.constantFrom(200, 502), body: fc.jsonValue({ depthSize: 'large' }) }),
    },
    { weight: 1, arbitrary: fc.record({ status: fc.constant(200), text: fc.string({ maxLength: 20_000 }) }) },
  );
}

/** Replaces every Cipher in a generated body by what the service would put on the wire. */
async function materialise(node: unknown): Promise<unknown> {
  if (Array.isArray(node)) return Promise.all(node.map(materialise));
  if (node && typeof node === 'object') {
    const c = node as Cipher;
    if (c.kind === 'ok') return encryptText(KEY, c.text);
    if (c.kind === 'truncated') return (await encryptText(KEY, c.text)).slice(0, -3);
    if (c.kind === 'wrong-length') return 'AAAAAAAAAAAAAAAAAAAAAA==';
    if (c.kind === 'junk') return c.raw;
    return Object.fromEntries(await Promise.all(Object.entries(node).map(async ([k, v]) => [k, await materialise(v)])));
  }
  return node;
}

type Reply = { status: number; body?: unknown; text?: string };

/** A service that answers `reply` to the analysis, or, with `onKeyFetch`, to the public key fetch. */
function clientAnswering(reply: Reply, onKeyFetch = false, posted: string[] = []) {
  return createOcrClient({
    baseUrl: 'https://fuzz.test',
    appKey: 'k',
    auth: { kind: 'secret-key', secretKey: 's' },
    random: fixedRandom,
    timeoutMs: 5_000,
    fetch: async (input) => {
      const url = input instanceof Request ? input.url : input.toString();
      const keyFetch = url.includes('/public-keys/');
      if (!keyFetch) posted.push(url);
      if (keyFetch !== onKeyFetch)
        return Response.json({
          header: { isSuccessful: true, resultCode: 0, resultMessage: 'SUCCESS' },
          result: keyFetch ? { key: PUBLIC_KEY, version: '0' } : { isAuthenticity: true },
        });
      const text = reply.text ?? JSON.stringify(await materialise(reply.body));
      return new Response(text, { status: reply.status });
    },
  });
}

async function endsTyped(call: Promise<unknown>): Promise<'result' | 'error'> {
  try {
    await call;
    return 'result';
  } catch (error) {
    if (!(error instanceof OcrError)) throw new Error('untyped failure', { cause: error });
    return 'error';
  }
}

describe(`fuzzing responses (${RUNS} per endpoint)`, () => {
  const seen = { result: 0, error: 0 };
  const run = (
    name: string,
    result: fc.Arbitrary<unknown>,
    call: (c: ReturnType<typeof createOcrClient>) => Promise<unknown>,
    onKeyFetch = false,
  ) =>
    it(`${name}: every response ends as a typed result or a typed OcrError`, { timeout: 300_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(responses(result), async (reply) => {
          seen[await endsTyped(call(clientAnswering(reply, onKeyFetch)))]++;
        }),
        { numRuns: RUNS },
      );
      // The generators must reach both outcomes, or the property proves little.
      expect(seen.result).toBeGreaterThan(RUNS / 20);
      expect(seen.error).toBeGreaterThan(RUNS / 20);
    });

  run('credit card', creditCard, (c) => c.analyzeCreditCard(image));
  run('ID card', idCard, (c) => c.analyzeIdCard(image));
  run('ID card (stand-alone)', idCard, (c) => c.analyzeIdCardStandAlone(image));
  run(
    'authenticity',
    fc.oneof(fc.record({ isAuthenticity: fc.oneof(fc.boolean(), fc.string()) }), fc.jsonValue()),
    (c) => c.verifyAuthenticity('request-key', RESIDENT),
  );
  run(
    'public key',
    fc.record({
      key: fc.oneof(
        fc.constant(PUBLIC_KEY),
        fc.string(),
        anyRsaKey.map(({ key }) => key),
      ),
      version: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    }),
    (c) => c.verifyAuthenticity('request-key', RESIDENT),
    true,
  );
});

describe('bounds', () => {
  it('an RSA key of any size or exponent outside the bounds is refused before anything is sent', async () => {
    await fc.assert(
      fc.asyncProperty(anyRsaKey, async ({ key, bits, e }) => {
        const posted: string[] = [];
        const reply = { status: 200, body: { header: SUCCESS, result: { key, version: '0' } } };
        const outcome = await clientAnswering(reply, true, posted)
          .verifyAuthenticity('request-key', RESIDENT)
          .then(
            () => 'sent',
            (error: unknown) => (error instanceof OcrError ? error.kind : 'untyped'),
          );
        const within = bits >= 1024 && bits <= 4096 && e >= 3n && e <= (1n << 32n) + 1n && (e & 1n) === 1n;
        expect(outcome).toBe(within ? 'sent' : 'unusable-public-key');
        expect(posted).toHaveLength(within ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it(`an answer with a list over ${MAX_ANSWER_ITEMS} never ends as a result`, async () => {
    const oversize = fc
      .tuple(
        creditCardResult(validCipher, validConf, validBox),
        fc.constantFrom('cardNums', 'cardNumBoxes', 'boxes'),
        fc.integer({ min: MAX_ANSWER_ITEMS + 1, max: 3 * MAX_ANSWER_ITEMS }),
      )
      .map(([result, list, n]) => {
        const item =
          list === 'cardNums'
            ? { kind: 'ok', text: '4111' }
            : { x1: 0, y1: 0, x2: 1, y2: 0, x3: 1, y3: 1, x4: 0, y4: 1 };
        return { ...result, [list]: Array.from({ length: n }, () => item) };
      });
    await fc.assert(
      fc.asyncProperty(oversize, async (result) => {
        const call = clientAnswering({ status: 200, body: { header: SUCCESS, result } }).analyzeCreditCard(image);
        await expect(call).rejects.toMatchObject({ kind: 'malformed-response' });
      }),
      { numRuns: 200 },
    );
  });
});
