import { decryptText, EnvelopeError } from '@/envelope';
import { OcrError } from './errors';
import type { RawCreditCard, RawIdCard } from './schemas';
import type { CreditCardResult, IdCardResult } from './types';

async function decryptField(key: Uint8Array, cipher: string, path: string): Promise<string> {
  try {
    return await decryptText(key, cipher);
  } catch (cause) {
    const reason = cause instanceof EnvelopeError ? cause.message : 'unknown failure';
    throw new OcrError('decrypt', `Could not decrypt ${path} of the response (${reason}).`, { cause });
  }
}

export async function decryptCreditCard(key: Uint8Array, raw: RawCreditCard): Promise<CreditCardResult> {
  const totalParts = Array.isArray(raw.totalCardNum) ? raw.totalCardNum : [raw.totalCardNum];
  // Every field at once: each decrypt is a round trip to WebCrypto, and a batch waits on them.
  const [cardNums, totalCardNum, validThru] = await Promise.all([
    Promise.all(
      raw.cardNums.map(async (item, i) => ({
        ...item,
        value: await decryptField(key, item.value, `cardNums[${i}].value`),
      })),
    ),
    Promise.all(totalParts.map((part, i) => decryptField(key, part, `totalCardNum[${i}]`))).then((parts) =>
      parts.join(''),
    ),
    raw.validThru
      ? decryptField(key, raw.validThru.value, 'validThru.value').then((value) => ({ ...raw.validThru!, value }))
      : undefined,
  ]);
  const { validThruBox, ...rest } = raw;
  return { ...rest, cardNums, totalCardNum, validThru, validThruBox: validThruBox ?? undefined };
}

export async function decryptIdCard(key: Uint8Array, raw: RawIdCard): Promise<IdCardResult> {
  const keyValues = await Promise.all(
    raw.keyValues.map(async (item, i) => ({
      ...item,
      value: await decryptField(key, item.value, `keyValues[${i}].value`),
    })),
  );
  return { ...raw, keyValues };
}
