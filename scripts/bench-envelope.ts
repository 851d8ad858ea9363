// npm run bench:envelope — the envelope in Chromium, side by side with node-forge and bare WebCrypto.
// Every figure is a median; ratios compare runs made in the same page, because absolute times drift.
import { gzipSync } from 'node:zlib';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { chromium, type Browser } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import type * as Envelope from '@/envelope';
import type Forge from 'node-forge';
import { build, minify } from 'vite';
import { browserLaunchOptions } from './browser.mjs';
import { serveFiles } from './bench/static-server';
import { median, round } from './bench/stats';

const root = resolve(import.meta.dirname, '..');

/** The envelope's public face bundled on its own, minified, as the app ships it. */
async function buildEnvelope(outDir: string): Promise<string> {
  await build({
    root,
    logLevel: 'warn',
    configFile: false,
    resolve: { alias: { '@': join(root, 'src') } },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: join(root, 'src/envelope/index.ts'), formats: ['es'], fileName: () => 'envelope.js' },
    },
  });
  return join(outDir, 'envelope.js');
}

interface PageFigures {
  wrap: { ours: number[]; forge: number[] };
  seal: Record<string, { ours: number[]; forge: number[]; floor: number[] }>;
}

/** The envelope's figures (ours beside node-forge and bare WebCrypto), measured in the given browser. */
export async function measureEnvelope(browser: Browser) {
  const outDir = await mkdtemp(join(tmpdir(), 'cardlens-bench-'));
  const envelopeFile = await buildEnvelope(outDir);
  const forgeFile = join(root, 'node_modules/node-forge/dist/forge.min.js');
  // Lib mode keeps whitespace in ES output; minify it fully, as the app's own chunks are.
  const envelopeMinified = (await minify('envelope.js', await readFile(envelopeFile, 'utf8'))).code;
  const envelopeGzip = gzipSync(envelopeMinified, { level: 9 }).length;
  const forgeGzip = gzipSync(await readFile(forgeFile), { level: 9 }).length;

  const server = await serveFiles({
    '/': { body: '<!doctype html><script src="/forge.js"></script>' },
    '/forge.js': { file: forgeFile },
    '/envelope.js': { file: envelopeFile },
  });
  try {
    const page = await browser.newPage();
    // tsx compiles with keepNames, which wraps functions in __name(); page.evaluate ships our source as is.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.goto(server.url);
    const publicKeyBase64 = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ type: 'spki', format: 'der' })
      .toString('base64');
    const figures = await page.evaluate(runInPage, { publicKeyBase64, envelopeUrl: `${server.url}/envelope.js` });

    const ratio = (a: number[], b: number[]) => round(median(a) / median(b));
    const seal = Object.fromEntries(
      Object.entries(figures.seal).map(([size, f]) => [
        size,
        {
          oursMs: round(median(f.ours)),
          forgeMs: round(median(f.forge)),
          webCryptoFloorMs: round(median(f.floor)),
          speedupVsForge: ratio(f.forge, f.ours),
          overFloor: ratio(f.ours, f.floor),
        },
      ]),
    );
    const result = {
      wrap2048: {
        oursMs: round(median(figures.wrap.ours), 3),
        forgeMs: round(median(figures.wrap.forge), 3),
        speedupVsForge: ratio(figures.wrap.forge, figures.wrap.ours),
        target: '>= 5',
      },
      seal,
      sealTargets: { '5MB.speedupVsForge': '>= 15', '20MB.overFloor': '<= 1.2' },
      moduleGzipBytes: { envelope: envelopeGzip, nodeForge: forgeGzip, target: '<= 2048' },
    };
    return result;
  } finally {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Runs inside the page: nothing from this file's scope is visible there. */
async function runInPage({
  publicKeyBase64,
  envelopeUrl,
}: {
  publicKeyBase64: string;
  envelopeUrl: string;
}): Promise<PageFigures> {
  const envelope = (await import(envelopeUrl)) as typeof Envelope;
  const forge = (globalThis as unknown as { forge: typeof Forge }).forge;
  const forgeKey = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(forge.util.decode64(publicKeyBase64)));
  const toBinary = (bytes: Uint8Array) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return s;
  };
  const time = async (fn: () => unknown) => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };

  // Timers are clamped to 0.1 ms here, so each sample times a batch of wraps and reports the mean.
  const WRAP_BATCH = 25;
  const wrap = { ours: [] as number[], forge: [] as number[] };
  const keys = Array.from({ length: WRAP_BATCH }, () => envelope.generateSymmetricKey());
  const forgeKeys = keys.map(toBinary);
  for (let sample = -3; sample < 30; sample++) {
    const ours = await time(async () => {
      for (const key of keys) await envelope.wrapSymmetricKey(publicKeyBase64, key);
    });
    const theirs = await time(() => forgeKeys.forEach((key) => forgeKey.encrypt(key, 'RSAES-PKCS1-V1_5')));
    if (sample < 0) continue; // warm-up
    wrap.ours.push(ours / WRAP_BATCH);
    wrap.forge.push(theirs / WRAP_BATCH);
  }

  const seal: PageFigures['seal'] = {};
  for (const [label, megabytes, repeats] of [
    ['1MB', 1, 15],
    ['5MB', 5, 9],
    ['20MB', 20, 7],
  ] as const) {
    const plain = new Uint8Array(megabytes * 1024 * 1024);
    for (let i = 0; i < plain.length; i += 65536) crypto.getRandomValues(plain.subarray(i, i + 65536));
    const figures = { ours: [] as number[], forge: [] as number[], floor: [] as number[] };
    for (let r = -1; r < repeats; r++) {
      const keep = r >= 0; // the first round warms up
      const push = (list: number[], ms: number) => keep && list.push(ms);
      const ours = async () => {
        const key = envelope.generateSymmetricKey();
        await envelope.wrapSymmetricKey(publicKeyBase64, key);
        await envelope.encryptBytes(key, plain);
      };
      const floor = async () => {
        const raw = crypto.getRandomValues(new Uint8Array(32));
        const key = await crypto.subtle.importKey('raw', raw, 'AES-CBC', false, ['encrypt']);
        await crypto.subtle.encrypt({ name: 'AES-CBC', iv: raw.subarray(0, 16) }, key, plain);
      };
      // Ours and the floor take turns going first, so neither always inherits the other's garbage.
      const pair = [
        [figures.ours, ours],
        [figures.floor, floor],
      ] as const;
      for (const [list, fn] of r % 2 ? [...pair].reverse() : pair) push(list, await time(fn));
      push(
        figures.forge,
        await time(() => {
          const key = forge.random.getBytesSync(32);
          forgeKey.encrypt(key, 'RSAES-PKCS1-V1_5');
          const cipher = forge.cipher.createCipher('AES-CBC', key);
          cipher.start({ iv: key.slice(0, 16) });
          cipher.update(forge.util.createBuffer(toBinary(plain)));
          cipher.finish();
          return cipher.output.length();
        }),
      );
    }
    seal[label] = figures;
  }
  return { wrap, seal };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const browser = await chromium.launch(browserLaunchOptions());
  try {
    console.log(
      JSON.stringify(
        { benchmark: 'envelope', browser: browser.version(), ...(await measureEnvelope(browser)) },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
  }
}
