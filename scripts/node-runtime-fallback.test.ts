import { describe, expect, it, vi } from 'vitest';
import { nodeRuntime } from './node-runtime';

// A machine where the native binding cannot load (another platform, a missing shared library).
vi.mock('onnxruntime-node', () => {
  throw new Error('libonnxruntime.so.1: cannot open shared object file');
});

describe('onnxruntime for the reader in Node, where the native runtime cannot load', () => {
  it('falls back to wasm with one line that says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const runtime = await nodeRuntime(1);
    expect(runtime.name).toBe('onnxruntime-web (wasm)');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(
      /^onnxruntime-node did not load \(.*\); the reader runs on onnxruntime-web's wasm\.$/,
    );
    warn.mockRestore();
  });
});
