import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createOcrClient,
  type Auth,
  type ImageInput,
  type OcrClient,
  type SampleEntry,
  type SampleManifest,
} from '@/api';
import { createSandbox, sandboxFetch, type Sandbox, type SandboxOptions } from '@/sandbox';

const SAMPLES_DIR = resolve(import.meta.dirname, '../../public/samples');

export const manifest = JSON.parse(readFileSync(resolve(SAMPLES_DIR, 'manifest.json'), 'utf8')) as SampleManifest;

export function sampleImage(entry: SampleEntry | string): ImageInput {
  const file = typeof entry === 'string' ? entry : entry.file;
  return { bytes: new Uint8Array(readFileSync(resolve(SAMPLES_DIR, file))), fileName: file };
}

export function sample(file: string): SampleEntry {
  const entry = manifest.samples.find((s) => s.file === file);
  if (!entry) throw new Error(`no sample ${file}`);
  return entry;
}

export const SANDBOX_URL = 'https://sandbox.test';

/** Same-origin view: every response header readable, as Node's fetch sees a server. */
export function inProcessFetch(sandbox: Sandbox): typeof fetch {
  return sandboxFetch(sandbox, { crossOrigin: false });
}

export interface Rig {
  sandbox: Sandbox;
  client: OcrClient;
  clientWith: (auth: Auth, appKey?: string, timeoutMs?: number) => OcrClient;
}

export function rig(options: SandboxOptions = {}): Rig {
  const sandbox = createSandbox({ samples: manifest.samples, ...options });
  const clientWith = (auth: Auth, appKey = 'sandbox', timeoutMs?: number) =>
    createOcrClient({ baseUrl: SANDBOX_URL, appKey, auth, fetch: inProcessFetch(sandbox), timeoutMs });
  return { sandbox, client: clientWith({ kind: 'secret-key', secretKey: 'sandbox' }), clientWith };
}
