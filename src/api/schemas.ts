import * as v from 'valibot';
import type { ImageQuad } from './types';

// Loose objects keep fields the guide does not list; only what we rely on is required.
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
  resultMessage: v.string(),
});

export const envelopeSchema = v.looseObject({ header: headerSchema, result: v.optional(v.unknown()) });

export const publicKeyResultSchema = v.looseObject({
  key: v.pipe(v.string(), v.minLength(1)),
  // Documented as String; tolerate a bare number rather than fail the whole connection on it.
  version: v.pipe(
    v.union([v.string(), v.number()]),
    v.transform((value) => String(value)),
  ),
});

const recognised = v.looseObject({ value: v.string(), conf: v.pipe(v.number(), v.finite()) });

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
    fileType: v.string(),
    resolution: v.string(),
    cardNums: v.array(recognised),
    // Documented as List, shown as a string: accept both (DESIGN.md).
    totalCardNum: v.union([v.string(), v.array(v.string())]),
    cardNumBoxes: v.array(quadSchema),
    validThru: v.optional(v.nullable(recognised)),
    validThruBox: v.optional(v.nullable(quadSchema)),
    boxes: v.optional(v.array(quadSchema)),
  }),
  v.transform(withoutClaims),
);

export const rawKeyValueSchema = v.looseObject({
  key: v.string(),
  value: v.string(),
  conf: v.pipe(v.number(), v.finite()),
  // The console guide's sample has none, and a field the card lacks has nothing to box (DESIGN.md, "tolerance").
  bbox: v.optional(v.nullable(quadSchema)),
});

export const rawIdCardSchema = v.pipe(
  v.looseObject({
    fileType: v.string(),
    resolution: v.string(),
    idType: v.string(),
    keyValues: v.array(rawKeyValueSchema),
    boxes: v.optional(v.array(quadSchema)),
  }),
  v.transform(withoutClaims),
);

export const authenticityResultSchema = v.looseObject({ isAuthenticity: v.boolean() });

export type RawCreditCard = v.InferOutput<typeof rawCreditCardSchema>;
export type RawIdCard = v.InferOutput<typeof rawIdCardSchema>;
