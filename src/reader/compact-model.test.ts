import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactModel, expandModel } from './compact-model';
import { fromFloat16Bits, toFloat16Bits } from './float16';

// Protobuf written by hand, field by field, as onnx.proto3 numbers them.
const varint = (n: number): number[] => (n < 0x80 ? [n] : [(n % 128) | 0x80, ...varint(Math.floor(n / 128))]);
const bytes = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const num = (no: number, value: number) => bytes(varint(no * 8), varint(value));
const len = (no: number, ...body: (Uint8Array | number[])[]) => {
  const b = bytes(...body);
  return bytes(varint(no * 8 + 2), varint(b.length), b);
};
const text = (no: number, s: string) => len(no, new TextEncoder().encode(s));
const f32 = (values: number[]) => new Uint8Array(Float32Array.from(values).buffer);
const f16 = (values: number[]) => new Uint8Array(Uint16Array.from(values.map(toFloat16Bits)).buffer);
const rounded = (values: number[]) => values.map((v) => fromFloat16Bits(toFloat16Bits(v)));

const FLOAT = 1;
const INT64 = 7;
const FLOAT16 = 10;
/** TensorProto: dims 1, data_type 2, name 8, then its data (raw_data 9, float_data 4, …). */
const tensor = (name: string, type: number, dims: number[], ...data: Uint8Array[]) =>
  bytes(...dims.map((d) => num(1, d)), num(2, type), text(8, name), ...data);
const raw = (b: Uint8Array) => len(9, b);
/** A Constant node: NodeProto.output 2, op_type 4, attribute 5 (AttributeProto name 1, t 5, type 20 TENSOR). */
const constant = (out: string, t: Uint8Array) =>
  bytes(text(2, out), text(4, 'Constant'), len(5, text(1, 'value'), len(5, t), num(20, 4)));
/** An If node whose then_branch is a graph. */
const branch = (g: Uint8Array) => bytes(text(4, 'If'), len(5, text(1, 'then_branch'), len(6, g), num(20, 5)));
/** GraphProto: node 1, name 2, initializer 5, input 11; ModelProto: ir_version 1, graph 7, opset_import 8. */
const graph = (nodes: Uint8Array[], inits: Uint8Array[]) =>
  bytes(...nodes.map((n) => len(1, n)), text(2, 'g'), ...inits.map((t) => len(5, t)), len(11, text(1, 'x')));
const model = (g: Uint8Array) => bytes(num(1, 8), len(7, g), len(8, text(1, ''), num(2, 17)));

const ramp = (n: number, scale: number) => Array.from({ length: n }, (_, i) => (i - n / 2) * scale);

describe('compactModel and expandModel', () => {
  const w = ramp(100, 0.0123);
  const inner = ramp(80, 1.7);
  const small = [0.1, 3, 1e-6];
  const ints = new Uint8Array(new BigInt64Array([1n, -1n, 2n ** 40n]).buffer);
  const original = (data = (v: number[]) => raw(f32(v))) =>
    model(
      graph(
        [
          constant('w', tensor('w', FLOAT, [10, 10], data(w))),
          constant('eps', tensor('eps', FLOAT, [3], raw(f32(small)))),
          branch(graph([], [tensor('inner', FLOAT, [80], raw(f32(inner)))])),
        ],
        [tensor('shape', INT64, [3], raw(ints)), tensor('bias', FLOAT, [100], data(w.map((v) => v * 2)))],
      ),
    );
  /** The same model as the build ships it, and as the reader gets it back. */
  const as = (type: number, values: (v: number[]) => Uint8Array) =>
    model(
      graph(
        [
          constant('w', tensor('w', type, [10, 10], raw(values(w)))),
          constant('eps', tensor('eps', FLOAT, [3], raw(f32(small)))),
          branch(graph([], [tensor('inner', type, [80], raw(values(inner)))])),
        ],
        [tensor('shape', INT64, [3], raw(ints)), tensor('bias', type, [100], raw(values(w.map((v) => v * 2))))],
      ),
    );

  it('stores the float32 weights of Constants, initializers and nested graphs as float16, and nothing else', () => {
    const compact = compactModel(original());
    expect(compact).toEqual(as(FLOAT16, f16));
    expect(original().length - compact.length).toBe(280 * 2);
  });

  it('gives back the float32 model, each weight rounded to float16', () => {
    expect(expandModel(compactModel(original()))).toEqual(as(FLOAT, (v) => f32(rounded(v))));
  });

  it('reads float_data packed or one value a field, and writes raw_data in its place', () => {
    const packed = (v: number[]) => len(4, f32(v));
    const unpacked = (v: number[]) => bytes(...[...Float32Array.from(v)].map((x) => bytes([0x25], f32([x]))));
    expect(compactModel(original(packed))).toEqual(as(FLOAT16, f16));
    expect(compactModel(original(unpacked))).toEqual(as(FLOAT16, f16));
  });

  it('leaves a model with no float16 as it is, and keeps any weight float16 holds exactly', () => {
    const exact = fc.array(
      fc.integer({ min: 0, max: 0xffff }).filter((h) => (h & 0x7c00) !== 0x7c00),
      { minLength: 64 },
    );
    fc.assert(
      fc.property(exact, (halves) => {
        const values = halves.map(fromFloat16Bits);
        const m = model(graph([constant('w', tensor('w', FLOAT, [values.length], raw(f32(values))))], []));
        expect(expandModel(m)).toBe(m);
        expect(expandModel(compactModel(m))).toEqual(m);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses what it could not give back', () => {
    const one = (t: Uint8Array) => model(graph([], [t]));
    expect(() => compactModel(one(tensor('h', FLOAT16, [64], raw(f16(ramp(64, 1))))))).toThrow(/h is float16 already/);
    expect(() => compactModel(one(tensor('big', FLOAT, [64], raw(f32(ramp(64, 1e4))))))).toThrow(
      /in tensor big is past float16's range/,
    );
    expect(() => compactModel(one(tensor('out', FLOAT, [64], num(14, 1))))).toThrow(
      /out keeps its data in another file/,
    );
    expect(() => expandModel(one(tensor('i', FLOAT16, [64], len(5, [1, 2]))))).toThrow(/int32_data/);
    expect(() => compactModel(original().subarray(0, 200))).toThrow(/cut off/);
  });
});
