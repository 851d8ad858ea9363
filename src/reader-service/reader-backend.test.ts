import { expect, it, vi } from 'vitest';
import type { Reader } from '@/reader';
import { gpuAdapterOffered, loadOnBestBackend, reportingFailures } from './reader-backend';

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

it('falls back to WebAssembly, without an error, when the GPU cannot run the models, and says so', async () => {
  const onGpuFailure = vi.fn();
  const loaded = await loadOnBestBackend(
    true,
    { webgpu: () => Promise.reject(new Error('Unsupported op on WebGPU')), wasm: () => Promise.resolve('wasm reader') },
    onGpuFailure,
  );
  expect(loaded).toEqual({ reader: 'wasm reader', backend: 'wasm' });
  expect(onGpuFailure).toHaveBeenCalledOnce();
});

it('counts an adapter that never comes as no GPU', async () => {
  expect(await gpuAdapterOffered({ requestAdapter: () => new Promise(() => undefined) }, 10)).toBe(false);
});

it('tells of a read that fails on the GPU reader, and passes the failure on', async () => {
  const onFailure = vi.fn();
  const gpuReader: Pick<Reader, 'read' | 'recognise'> = {
    read: () => Promise.reject(new Error('device lost')),
    recognise: () => Promise.resolve([{ text: '12', conf: 0.9 }]),
  };
  const reader = reportingFailures(gpuReader, onFailure);
  const blank = { data: new Uint8ClampedArray(4), width: 1, height: 1 };
  await expect(reader.recognise(blank, [])).resolves.toEqual([{ text: '12', conf: 0.9 }]);
  expect(onFailure).not.toHaveBeenCalled();
  await expect(reader.read(blank)).rejects.toThrow('device lost');
  expect(onFailure).toHaveBeenCalledOnce();
});

it('still fails when WebAssembly fails too, with its reason', async () => {
  await expect(
    loadOnBestBackend(true, {
      webgpu: () => Promise.reject(new Error('no GPU memory')),
      wasm: () => Promise.reject(new Error('no WebAssembly')),
    }),
  ).rejects.toThrow('no WebAssembly');
});
