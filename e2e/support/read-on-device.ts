import { expect, type Page } from '@playwright/test';
import { drawCardPhoto } from './card-photo';
import { CardlensPage } from './cardlens-page';

// A drawn card read in the default sandbox on this device, and which of onnxruntime-web's runtimes the reader
// fetched for it: the WebAssembly build, or the WebGPU build's (src/reader-service/reader-backend.ts).

export const WASM_RUNTIME = /\/assets\/ort-wasm-simd-threaded-[\w-]{8}\.wasm$/;
export const GPU_RUNTIME = /\/assets\/ort-wasm-simd-threaded\.asyncify-[\w-]{8}\.wasm$/;

/** Reads a drawn card in the default sandbox, on this device, and answers the fields and runtimes fetched. */
export async function readOnDevice(page: Page, timeout?: number) {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const app = new CardlensPage(page);
  await app.open();
  const adapter = await page.evaluate(async () => {
    type Adapter = { info?: { isFallbackAdapter?: boolean } };
    const gpu = (navigator as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
    const found = await gpu?.requestAdapter();
    return !found ? 'none' : found.info?.isFallbackAdapter ? 'software' : 'hardware';
  });
  const card = await drawCardPhoto(page, '5555555555554444', '11/28');
  await app.drop([{ name: 'my-card.png', mimeType: 'image/png', buffer: card }]);
  await app.waitForDone('my-card.png', timeout);
  await expect(page.getByRole('note').filter({ hasText: 'Read on this device, not by NHN' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show values' }).check();
  const probe = await app.settledViewer();
  const value = (key: string) => probe.fields.filter((f) => f.key === key).map((f) => f.value);
  return {
    app,
    adapter,
    cardNum: value('cardNum'),
    validThru: value('validThru'),
    wasm: fetched.filter((path) => WASM_RUNTIME.test(path)).length,
    gpu: fetched.filter((path) => GPU_RUNTIME.test(path)).length,
  };
}
