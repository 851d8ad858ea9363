import { expect, test } from '@playwright/test';
import { readOnDevice } from './support/read-on-device';

// Where the browser offers no WebGPU adapter (Chromium as the e2e runs it, with --disable-gpu), the
// on-device reader runs on WebAssembly, and the GPU build's larger runtime is never fetched.

test('the reader runs on WebAssembly and never fetches the GPU build', async ({ page }) => {
  test.setTimeout(120_000);
  const read = await readOnDevice(page);
  expect(read).toMatchObject({ adapter: 'none', cardNum: ['5555', '5555', '5555', '4444'], validThru: ['11/28'] });
  expect([read.wasm, read.gpu]).toEqual([1, 0]);
  expect(read.app.problems).toEqual([]);
});
