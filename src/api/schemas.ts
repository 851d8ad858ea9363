import * as v from 'valibot';
import type { ImageQuad } from './types';

// Loose objects keep fields the guide does not list; only what we rely on is required.

/**
 * Bounds on an answer: a card has a dozen fields and boxes, and every value is a short ciphertext. A
 * larger answer is refused as malformed rather than drawn: the viewer places a label per field on
 * every draw, and nothing in the API needs more.
 */
export const MAX_ANSWER_ITEMS = 300;
/** Characters in any string of an answer: a ciphertext, a key name, a message, a PEM public key. */
export const MAX_ANSWER_TEXT = 4096;

const text = v.pipe(v.string(), v.maxLength(MAX_ANSWER_TEXT));
const list = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(MAX_ANSWER_ITEMS));

const coordinate = v.pipe(v.number(), v.finite());
/** A response's box, branded as image space here, at the edge, so nothing downstream casts. */
export const quadSchema = v.pipe(
  v.looseObject({
    x1: coordinate,
    y1: coordinate,
    x2: coordinate,
    y2: coordinate,
    x3: coordinate,
    y3: coordinate,
    x4: coordinate,
    y4: coordinate,
  }),
  v.transform((quad) => quad as typeof quad & { readonly __space: 'image' } satisfies ImageQuad),
);

export const headerSchema = v.looseObject({
  isSuccessful: v.boolean(),
  resultCode: v.pipe(v.number(), v.integer()),
  resultMessage: text,
});

export const envelopeSchema = v.looseObject({ header: headerSchema, result: v.optional(v.unknown()) });

export const publicKeyResultSchema = v.looseObject({
  key: v.pipe(text, v.minLength(1)),
  // Documented as String; tolerate a bare number rather than fail the whole connection on it.
  version: v.pipe(
    v.union([text, v.number()]),
    v.transform((value) => String(value)),
  ),
});

const recognised = v.looseObject({ value: text, conf: v.pipe(v.number(), v.finite()) });

/**
 * Names an answer could use to claim who made it. Who made an answer is known from the connection that
 * was asked, so a claim in the answer (or in an imported session) is dropped, never shown or believed.
 */
const PROVENANCE_CLAIMS: readonly string[] = ['cardlensReader'];
function withoutClaims<T extends Record<string, unknown>>(result: T): T {
  if (!PROVENANCE_CLAIMS.some((name) => name in result)) return result;
  const copy: Record<string, unknown> = { ...result };
  for (const name of PROVENANCE_CLAIMS) delete copy[name];
  return copy as T;
}

/** Encrypted as delivered: values are Base64 ciphertexts. */
export const rawCreditCardSchema = v.pipe(
  v.looseObject({
    fileType: text,
    resolution: text,
    cardNums: list(recognised),
    // Documented as List, shown as a string: accept both.
    totalCardNum: v.union([text, list(text)]),
    cardNumBoxes: list(quadSchema),
    validThru: v.optional(v.nullable(recognised)),
    validThruBox: v.optional(v.nullable(quadSchema)),
    boxes: v.optional(list(quadSchema)),
  }),
  v.transform(withoutClaims),
);

export const rawKeyValueSchema = v.looseObject({
  key: text,
  value: text,
  conf: v.pipe(v.number(), v.finite()),
  // The console guide's sample has none, and a field the card lacks has nothing to box.
  bbox: v.optional(v.nullable(quadSchema)),
});

export const rawIdCardSchema = v.pipe(
  v.looseObject({
    fileType: text,
    resolution: text,
    idType: text,
    keyValues: list(rawKeyValueSchema),
    boxes: v.optional(list(quadSchema)),
  }),
  v.transform(withoutClaims),
);

export const authenticityResultSchema = v.looseObject({ isAuthenticity: v.boolean() });

export type RawCreditCard = v.InferOutput<typeof rawCreditCardSchema>;
export type RawIdCard = v.InferOutput<typeof rawIdCardSchema>;
