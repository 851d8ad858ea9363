// The batch at scale: 1,000 distinct phone-sized JPEGs sent at concurrency 2 to the Node sandbox
// server, with the renderer's peak resident memory (file bytes live outside the JS heap, so the
// heap alone would hide them); then Cancel the rest with 40 large files still being checked.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { round } from './stats';

const root = resolve(import.meta.dirname, '../..');
const SANDBOX_PORT = 8791;
const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;

/** Renderer processes of Chromium now running, by PID. */
function rendererPids(): Set<number> {
  const pids = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('--type=renderer')) pids.add(Number(entry));
    } catch {
      // gone already
    }
  }
  return pids;
}

/** Peak resident set size of a process so far (VmHWM), in MB. */
function peakResidentMB(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function startSandboxServer(): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [
      join(root, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/sandbox-server.ts',
      '--port',
      String(SANDBOX_PORT),
      '--quiet',
      '--specimens-only',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${SANDBOX}/__sandbox/faults`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('the sandbox server did not start');
}

/** A control call, tried once more if a kept-alive connection was closed under it. */
const control = (path: string, init?: RequestInit) =>
  fetch(`${SANDBOX}/__sandbox/${path}`, init).catch(() => fetch(`${SANDBOX}/__sandbox/${path}`, init));
const setFaults = (faults: object) => control('faults', { method: 'POST', body: JSON.stringify(faults) });
const resetSandbox = () => control('reset', { method: 'POST' });
const sandboxStats = async () =>
  (await (await control('log')).json()) as {
    log: { method: string; at: number }[];
    maxInFlight: number;
  };

/** A phone-like JPEG of about `megabytes` MB: noise costs a JPEG encoder what real detail does. */
async function phonePhoto(page: Page, megabytes: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (mb) => {
    let seed = 2463534242;
    const noisy = async (width: number, height: number) => {
      const canvas = new OffscreenCanvas(width, height);
      const pixels = new ImageData(width, height);
      for (let i = 0; i < pixels.data.length; i += 4) {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        pixels.data.set([seed & 255, (seed >>> 8) & 255, (seed >>> 16) & 255, 255], i);
      }
      canvas.getContext('2d')!.putImageData(pixels, 0, 0);
      return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 })).arrayBuffer());
    };
    // Measure what a pixel costs, then size the photo (4:3) to the target.
    const probe = await noisy(400, 300);
    const pixels = (mb * 2 ** 20) / (probe.length / (400 * 300));
    const width = Math.round(Math.sqrt((pixels * 4) / 3));
    const bytes = await noisy(width, Math.round((width * 3) / 4));
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, megabytes);
  return Buffer.from(base64, 'base64');
}

/** `count` distinct files: the photo with its index in a comment segment, so each hashes differently. */
async function writeDistinct(dir: string, photo: Buffer, count: number): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = Buffer.from(`cardlens bench ${i}`);
    const segment = Buffer.alloc(4 + text.length);
    segment.writeUInt16BE(0xfffe, 0); // COM
    segment.writeUInt16BE(2 + text.length, 2);
    text.copy(segment, 4);
    const path = join(dir, `photo-${String(i).padStart(4, '0')}.jpg`);
    await writeFile(path, Buffer.concat([photo.subarray(0, 2), segment, photo.subarray(2)]));
    paths.push(path);
  }
  return paths;
}

async function connectToSandboxServer(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Connection:/ }).click();
  await page.getByLabel('Endpoint').selectOption({ label: 'Custom URL' });
  await page.getByLabel('Base URL').fill(SANDBOX);
  await page.getByLabel('App key').fill('sandbox');
  await page.getByLabel('Secret key', { exact: true }).fill('sandbox');
  await page.getByRole('button', { name: /^Connection:/ }).click();
}

const progress = (page: Page) => page.evaluate(() => document.querySelector('.batch-progress')?.textContent ?? '');

export async function measureBatchMemory(browser: Browser, app: string, files = 1000) {
  const server = await startSandboxServer();
  const dir = await mkdtemp(join(tmpdir(), 'cardlens-batch-'));
  try {
    const before = rendererPids();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript('globalThis.__name = (fn) => fn;'); // tsx names the functions it hands to the page
    await page.goto(app);
    const ours = [...rendererPids()].filter((pid) => !before.has(pid));
    const photo = await phonePhoto(page, 4);
    const paths = await writeDistinct(dir, photo, files);
    const totalMB = (photo.length * files) / 2 ** 20;
    await connectToSandboxServer(page);
    await setFaults({ latencyMs: 100 });
    const started = performance.now();
    await page.getByLabel('Card image files').setInputFiles(paths);
    while (!new RegExp(`^${files}/${files} finished`).test(await progress(page)))
      await new Promise((r) => setTimeout(r, 500));
    const seconds = (performance.now() - started) / 1000;
    const peak = Math.max(...ours.map(peakResidentMB));
    await page.close();

    // Cancel the rest with 40 large files still being checked.
    await resetSandbox();
    await setFaults({ latencyMs: 1500 });
    const cancelPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await cancelPage.goto(app);
    await connectToSandboxServer(cancelPage);
    await cancelPage.getByLabel('Card image files').setInputFiles(paths.slice(0, 40));
    while ((await sandboxStats()).maxInFlight < 2) await new Promise((r) => setTimeout(r, 10));
    const pressed = Date.now();
    await cancelPage.getByRole('button', { name: 'Cancel the rest' }).click();
    await new Promise((r) => setTimeout(r, 6000));
    // The log has each request's start time: any that started after the press left after Cancel.
    const afterCancel = (await sandboxStats()).log.filter((e) => e.method === 'POST' && e.at > pressed).length;
    await cancelPage.close();
    return {
      files,
      batchFilesTotalMB: round(totalMB, 0),
      batchPeakMemoryMB: round(peak, 0),
      target: '< 400 MB while the files total about 4 GB',
      seconds: round(seconds, 0),
      cancelRequestsAfterCancel: afterCancel,
      cancelTarget: '0 beyond those in flight',
    };
  } finally {
    server.kill();
    await rm(dir, { recursive: true, force: true });
  }
}
