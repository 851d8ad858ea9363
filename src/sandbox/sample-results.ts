import type { SampleEntry } from '@/api/types';
import { encryptText } from '@/envelope';

export type IdSample = Extract<SampleEntry, { service: 'id-card' }>;

/** The sample's ID fields by key, as the card shows them. */
export function truthOf(sample: IdSample): Record<string, string> {
  return Object.fromEntries(sample.result.keyValues.map((kv) => [kv.key, kv.value]));
}

/** Encrypts exactly the fields the guide marks as encrypted. */
export async function encryptResult(key: Uint8Array, sample: SampleEntry): Promise<Record<string, unknown>> {
  if (sample.service === 'credit-card') {
    const r = sample.result;
    return {
      ...r,
      cardNums: await Promise.all(r.cardNums.map(async (c) => ({ ...c, value: await encryptText(key, c.value) }))),
      totalCardNum: await encryptText(key, r.totalCardNum),
      ...(r.validThru ? { validThru: { ...r.validThru, value: await encryptText(key, r.validThru.value) } } : {}),
    };
  }
  const r = sample.result;
  return {
    ...r,
    keyValues: await Promise.all(r.keyValues.map(async (kv) => ({ ...kv, value: await encryptText(key, kv.value) }))),
  };
}
