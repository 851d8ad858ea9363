// The committed subset of the reader's accuracy set (src/reader/fixtures/, made by
// `npx tsx scripts/generate-reader-set.ts --fixtures`), and how a parse is scored against its truth.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CardTruth } from '../../scripts/generate-reader-set';
import type { CreditCardParse, IdCardParse } from '@/reader/card-parser';

export const READER_FIXTURE_DIR = join(import.meta.dirname, '../reader/fixtures');

export interface ReaderFixture extends CardTruth {
  bytes: Uint8Array;
}

export function readerFixtures(): ReaderFixture[] {
  const { cards } = JSON.parse(readFileSync(join(READER_FIXTURE_DIR, 'truth.json'), 'utf8')) as { cards: CardTruth[] };
  return cards.map((card) => ({ ...card, bytes: new Uint8Array(readFileSync(join(READER_FIXTURE_DIR, card.file))) }));
}

/** Field by field, whether the parse got the truth's value (scripts/bench/reader-accuracy.ts sums them). */
export function scoreParse(card: CardTruth, parsed: CreditCardParse | IdCardParse): Record<string, boolean> {
  const t = card.truth;
  if (t.service === 'credit-card') {
    const r = parsed.ok && 'totalCardNum' in parsed.result ? parsed.result : null;
    return { cardNumber: r?.totalCardNum === t.totalCardNum, expiry: r?.validThru?.value === t.validThru };
  }
  const kv = parsed.ok && 'keyValues' in parsed.result ? parsed.result.keyValues : [];
  const value = (key: string) => kv.find((k) => k.key === key)?.value;
  const score: Record<string, boolean> = {
    residentNumber: value('residentNumber') === t.residentNumber,
    issueDate: value('issueDate') === t.issueDate,
  };
  if (t.driverLicenseNumber) score.driverLicenseNumber = value('driverLicenseNumber') === t.driverLicenseNumber;
  return score;
}
