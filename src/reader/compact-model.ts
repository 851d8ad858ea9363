// The reader's models as they are shipped: an ONNX model whose float32 weights are stored as float16,
// half the bytes of numbers that barely compress. `compactModel` makes one at build time
// (scripts/compact-models-plugin.ts), `expandModel` turns it back into a float32 model before a session
// is created, so the network run is the original's, with each weight rounded to float16.
//
// A minimal protobuf walk of just the messages that can hold weights (onnx.proto3):
//   ModelProto.graph 7, ModelProto.functions 25 → FunctionProto.node 7
//   GraphProto.node 1, GraphProto.initializer 5
//   NodeProto.attribute 5 → AttributeProto.t 5, tensors 10 (a Constant's value: PP-OCRv4's weights are
//   all there, as paddle2onnx writes them), g 6, graphs 11 (nested graphs, which PP-OCRv4 has none of)
//   TensorProto.data_type 2, float_data 4, int32_data 5, raw_data 9, name 8, data_location 14
// Every other field is copied as it is; sparse tensors are left alone. A tensor of fewer than
// MIN_VALUES values stays float32: it saves nothing, and holds scalars such as an epsilon.
import { narrowToFloat16, widenFloat16 } from './float16.ts';

const FLOAT = 1;
const FLOAT16 = 10;
const EXTERNAL = 1;
const MIN_VALUES = 64;

const WIRE_VARINT = 0;
const WIRE_I64 = 1;
const WIRE_LEN = 2;
const WIRE_I32 = 5;

interface Field {
  no: number;
  wire: number;
  /** The whole field as stored, tag included. */
  raw: Uint8Array;
  /** A length-delimited field's payload. */
  body: Uint8Array;
  /** A varint field's value (exact below 2^53, which is all this module reads). */
  value: number;
}

function readVarint(buf: Uint8Array, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 10; i++) {
    if (at >= buf.length) throw new Error('model: varint runs past the end');
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return [value, at];
  }
  throw new Error('model: varint longer than 10 bytes');
}

function fieldsOf(buf: Uint8Array): Field[] {
  const fields: Field[] = [];
  let at = 0;
  while (at < buf.length) {
    const start = at;
    const [tag, next] = readVarint(buf, at);
    at = next;
    const no = Math.floor(tag / 8);
    const wire = tag & 7;
    let body = buf.subarray(0, 0);
    let value = 0;
    if (wire === WIRE_VARINT) [value, at] = readVarint(buf, at);
    else if (wire === WIRE_I64) at += 8;
    else if (wire === WIRE_I32) at += 4;
    else if (wire === WIRE_LEN) {
      const [length, from] = readVarint(buf, at);
      at = from + length;
      body = buf.subarray(from, at);
    } else throw new Error(`model: field ${no} has wire type ${wire}, which ONNX does not use`);
    if (no === 0 || at > buf.length) throw new Error(`model: field ${no} at byte ${start} is cut off`);
    fields.push({ no, wire, raw: buf.subarray(start, at), body, value });
  }
  return fields;
}

function varint(n: number): number[] {
  const out: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n % 128) | 0x80);
  out.push(n);
  return out;
}

const varintField = (no: number, value: number) => Uint8Array.from([...varint(no * 8 + WIRE_VARINT), ...varint(value)]);
const lengthField = (no: number, body: Uint8Array) =>
  concat([Uint8Array.from([...varint(no * 8 + WIRE_LEN), ...varint(body.length)]), body]);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

type TensorRewrite = (tensor: Uint8Array) => Uint8Array;
type Path = Record<number, (body: Uint8Array, tensor: TensorRewrite) => Uint8Array>;

/** `buf` with each length-delimited field named in `path` rewritten, everything else as stored. */
function rewrite(buf: Uint8Array, path: Path, tensor: TensorRewrite): Uint8Array {
  let changed = false;
  const parts = fieldsOf(buf).map((f) => {
    const step = f.wire === WIRE_LEN ? path[f.no] : undefined;
    if (!step) return f.raw;
    const body = step(f.body, tensor);
    if (body === f.body) return f.raw;
    changed = true;
    return lengthField(f.no, body);
  });
  return changed ? concat(parts) : buf;
}

const graph = (b: Uint8Array, t: TensorRewrite): Uint8Array => rewrite(b, GRAPH, t);
const node = (b: Uint8Array, t: TensorRewrite) => rewrite(b, NODE, t);
const tensor = (b: Uint8Array, t: TensorRewrite) => t(b);
const GRAPH: Path = { 1: node, 5: tensor };
const NODE: Path = { 5: (b, t) => rewrite(b, { 5: tensor, 6: graph, 10: tensor, 11: graph }, t) };
const MODEL: Path = { 7: graph, 25: (b, t) => rewrite(b, { 7: node }, t) };

function tensorName(fields: Field[]): string {
  const name = fields.find((f) => f.no === 8 && f.wire === WIRE_LEN);
  return name ? new TextDecoder().decode(name.body) : '(unnamed)';
}

/**
 * A tensor of `from` whose values are rewritten as `to`: data_type changed where it stands, the values
 * as raw_data (little-endian, as ONNX stores them) where the first of raw_data or float_data stood.
 */
function retype(from: number, to: number, values: (fields: Field[]) => Uint8Array | null): TensorRewrite {
  return (tensor) => {
    const fields = fieldsOf(tensor);
    const type = fields.find((f) => f.no === 2 && f.wire === WIRE_VARINT);
    if (type?.value !== from) return tensor;
    if (fields.some((f) => f.no === 14 && f.value === EXTERNAL)) {
      throw new Error(`model: tensor ${tensorName(fields)} keeps its data in another file`);
    }
    const data = values(fields);
    if (!data) return tensor;
    const isData = (f: Field) => f.no === 9 || (from === FLOAT && f.no === 4);
    let placed = false;
    const parts: Uint8Array[] = [];
    for (const f of fields) {
      if (f === type) parts.push(varintField(2, to));
      else if (!isData(f)) parts.push(f.raw);
      else if (!placed) {
        parts.push(lengthField(9, data));
        placed = true;
      }
    }
    if (!placed && data.length > 0) parts.push(lengthField(9, data));
    return concat(parts);
  };
}

/** A copy of `bytes` on an aligned buffer, so that typed arrays can view it. */
const aligned = (bytes: Uint8Array) => bytes.slice().buffer;

function floatsOf(fields: Field[]): Float32Array {
  const raw = fields.filter((f) => f.no === 9);
  if (raw.length) return new Float32Array(aligned(raw[raw.length - 1].body));
  // float_data: packed (one or more runs) or one fixed32 field per value.
  const words = fields.filter((f) => f.no === 4).map((f) => (f.wire === WIRE_LEN ? f.body : f.raw.subarray(1)));
  return new Float32Array(aligned(concat(words)));
}

const narrow = retype(FLOAT, FLOAT16, (fields) => {
  const floats = floatsOf(fields);
  if (floats.length < MIN_VALUES) return null;
  const halves = narrowToFloat16(floats);
  const over = halves.findIndex((h, i) => (h & 0x7fff) === 0x7c00 && Number.isFinite(floats[i]));
  if (over >= 0) throw new Error(`model: ${floats[over]} in tensor ${tensorName(fields)} is past float16's range`);
  return new Uint8Array(halves.buffer);
});

const widen = retype(FLOAT16, FLOAT, (fields) => {
  if (fields.some((f) => f.no === 5)) {
    throw new Error(`model: tensor ${tensorName(fields)} holds float16 in int32_data, which compactModel never writes`);
  }
  const raw = fields.filter((f) => f.no === 9);
  if (!raw.length) return null;
  return new Uint8Array(widenFloat16(new Uint16Array(aligned(raw[raw.length - 1].body))).buffer);
});

const refuseFloat16: TensorRewrite = (tensor) => {
  const fields = fieldsOf(tensor);
  if (fields.some((f) => f.no === 2 && f.value === FLOAT16)) {
    throw new Error(`model: tensor ${tensorName(fields)} is float16 already, which expandModel would widen`);
  }
  return tensor;
};

/**
 * The ONNX model `model` with every float32 initializer and Constant value of MIN_VALUES values or more
 * (nested graphs' included) stored as float16. Throws for a model that has float16 tensors of its own,
 * which expandModel would widen, or a weight past float16's range.
 */
export function compactModel(model: Uint8Array): Uint8Array {
  rewrite(model, MODEL, refuseFloat16);
  return rewrite(model, MODEL, narrow);
}

/** The float32 model a compactModel stands for (a model with no float16 tensors comes back as it is). */
export function expandModel(compact: Uint8Array): Uint8Array {
  return rewrite(compact, MODEL, widen);
}
