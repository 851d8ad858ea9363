import { expect, it, vi } from 'vitest';
import { gpuAdapterOffered, loadOnBestBackend } from './reader-backend';

it('offers the GPU only when the browser gives an adapter', async () => {
  expect(await gpuAdapterOffered(undefined)).toBe(false);
  expect(await gpuAdapterOffered({ requestAdapter: () => Promise.resolve(null) })).toBe(false);
  expect(await gpuAdapterOffered({ requestAdapter: () => Promise.reject(new Error('blocked')) })).toBe(false);
  expect(await gpuAdapterOffered({ requestAdapter: () => Promise.resolve({}) })).toBe(true);
});

it('takes a software adapter for no GPU, wherever the browser says so', async () => {
  const adapter = (fallback: object) => ({ requestAdapter: () => Promise.resolve(fallback) });
  expect(await gpuAdapterOffered(adapter({ info: { isFallbackAdapter: true } }))).toBe(false);
  // Before Chromium 136 the flag was on the adapter itself.
  expect(await gpuAdapterOffered(adapter({ isFallbackAdapter: true }))).toBe(false);
  expect(await gpuAdapterOffered(adapter({ info: { isFallbackAdapter: false } }))).toBe(true);
});

it('loads on WebAssembly, and never tries the GPU, where none is offered', async () => {
  const webgpu = vi.fn(() => Promise.resolve('gpu reader'));
  const loaded = await loadOnBestBackend(false, { webgpu, wasm: () => Promise.resolve('wasm reader') });
  expect(loaded).toEqual({ reader: 'wasm reader', backend: 'wasm' });
  expect(webgpu).not.toHaveBeenCalled();
});

it('loads on the GPU where one is offered and runs the models', async () => {
  const wasm = vi.fn(() => Promise.resolve('wasm reader'));
  const loaded = await loadOnBestBackend(true, { webgpu: () => Promise.resolve('gpu reader'), wasm });
  expect(loaded).toEqual({ reader: 'gpu reader', backend: 'webgpu' });
  expect(wasm).not.toHaveBeenCalled();
});

it('falls back to WebAssembly, without an error, when the GPU cannot run the models', async () => {
  const loaded = await loadOnBestBackend(true, {
    webgpu: () => Promise.reject(new Error('Unsupported op on WebGPU')),
    wasm: () => Promise.resolve('wasm reader'),
  });
  expect(loaded).toEqual({ reader: 'wasm reader', backend: 'wasm' });
});

it('still fails when WebAssembly fails too, with its reason', async () => {
  await expect(
    loadOnBestBackend(true, {
      webgpu: () => Promise.reject(new Error('no GPU memory')),
      wasm: () => Promise.reject(new Error('no WebAssembly')),
    }),
  ).rejects.toThrow('no WebAssembly');
});
