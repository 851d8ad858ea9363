import { describe, expect, it } from 'vitest';
import { readImageHeader } from '@/lib/image-header';
import { readerFixtures, scoreParse } from '@/test-support/reader-fixtures';
import { parseCreditCard, parseIdCard } from './card-parser';
import type { ReadLine } from './types';

// The engine's own test reads these JPEGs; this one checks the fixtures and their truth, and that the
// parser maps a perfect read of each card (one line per field, in its drawn box) back to the truth.
describe('reader fixtures', () => {
  const cards = readerFixtures();

  it('holds six small JPEGs, three credit cards and three ID cards, matching their truth', () => {
    expect(cards).toHaveLength(6);
    expect(cards.filter((c) => c.truth.service === 'credit-card')).toHaveLength(3);
    for (const card of cards) {
      expect(card.bytes.length).toBeLessThan(150_000);
      expect(readImageHeader(card.bytes, 'jpeg')).toMatchObject({ width: card.width, height: card.height });
    }
  });

  it.each(readerFixtures().map((c) => [c.file, c] as const))('a perfect read of %s parses to its truth', (_, card) => {
    const values: Record<string, string> =
      card.truth.service === 'credit-card'
        ? {
            ...Object.fromEntries(card.truth.cardNums.map((v, i) => [`cardNums.${i}`, v])),
            validThru: card.truth.validThru,
          }
        : { ...card.truth };
    const lines: ReadLine[] = Object.entries(card.boxes)
      .map(([field, quad]) => ({
        text: values[field],
        conf: 0.9,
        quad,
        charPositions: [...values[field]].map((_, i) => (i + 0.5) / values[field].length),
      }))
      .sort((a, b) => a.quad.y1 - b.quad.y1);
    const size = { width: card.width, height: card.height };
    const parsed = card.truth.service === 'credit-card' ? parseCreditCard(lines, size) : parseIdCard(lines, size);
    expect(Object.values(scoreParse(card, parsed)).every(Boolean)).toBe(true);
    if (parsed.ok && 'cardNumBoxes' in parsed.result) {
      const boxes =
        card.truth.service === 'credit-card' ? card.truth.cardNums.map((_, i) => card.boxes[`cardNums.${i}`]) : [];
      expect(parsed.result.cardNumBoxes).toEqual(boxes);
    }
  });
});
