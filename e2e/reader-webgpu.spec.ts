import { expect, test } from '@playwright/test';
import { browserLaunchOptions } from '../scripts/browser.mjs';
import { readOnDevice } from './support/read-on-device';

// Where the browser offers a WebGPU adapter that is a GPU, the on-device reader's models run on it and read
// what they read on WebAssembly. A software adapter is no GPU: Chromium offers SwiftShader's with
// --enable-unsafe-webgpu and without --disable-gpu, as this spec runs it, and the reader stays on WebAssembly.

const system = browserLaunchOptions();
test.use({
  launchOptions: {
    ...system,
    args: [...(system.args ?? []).filter((arg) => arg !== '--disable-gpu'), '--enable-unsafe-webgpu'],
  },
});

test('a software WebGPU adapter is not taken for a GPU: the reader runs on WebAssembly', async ({ page }) => {
  test.setTimeout(120_000);
  const read = await readOnDevice(page);
  test.skip(read.adapter === 'hardware', 'This machine has a GPU: the next test is the one that applies.');
  expect(read).toMatchObject({ adapter: 'software', cardNum: ['5555', '5555', '5555', '4444'], validThru: ['11/28'] });
  expect([read.wasm, read.gpu]).toEqual([1, 0]);
  expect(read.app.problems).toEqual([]);
});

test('where there is a GPU, the reader runs on WebGPU and reads what WebAssembly reads', async ({ page }) => {
  test.setTimeout(120_000);
  const read = await readOnDevice(page);
  test.skip(read.adapter !== 'hardware', `No GPU here (adapter: ${read.adapter}); the test before applies.`);
  expect(read).toMatchObject({ cardNum: ['5555', '5555', '5555', '4444'], validThru: ['11/28'] });
  expect([read.wasm, read.gpu]).toEqual([0, 1]);
  expect(read.app.problems).toEqual([]);
});
