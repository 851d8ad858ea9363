import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SampleManifest } from '@/api';
import { THUMBNAIL_WIDTH, thumbnailFile } from '@/model/sample-paths';

const SAMPLES = resolve(import.meta.dirname, '../../../public/samples');
const manifest = JSON.parse(readFileSync(join(SAMPLES, 'manifest.json'), 'utf8')) as SampleManifest;

/** Pixel size from a WebP's first chunk: VP8X (extended, as with alpha), VP8L (lossless) or VP8 (lossy). */
function webpSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.toString('latin1', 0, 4)).toBe('RIFF');
  expect(bytes.toString('latin1', 8, 12)).toBe('WEBP');
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  throw new Error(`unexpected WebP chunk ${chunk}`);
}

describe('the gallery thumbnails (npm run samples)', () => {
  it.each(manifest.samples.map((entry) => [entry.file, entry] as const))(
    '%s has a small WebP, upright and in the specimen’s proportions',
    (_, entry) => {
      const bytes = readFileSync(join(SAMPLES, thumbnailFile(entry.file)));
      const { width, height } = webpSize(bytes);
      expect(width).toBe(THUMBNAIL_WIDTH);
      // The manifest gives the size as shown, so the EXIF-rotated specimen must come out landscape too.
      expect(Math.abs(height - (THUMBNAIL_WIDTH * entry.height) / entry.width)).toBeLessThanOrEqual(1);
      expect(bytes.length).toBeLessThan(16 * 1024);
    },
  );

  it('weigh under 2 % of the specimens they stand for', () => {
    const total = (files: string[]) => files.reduce((sum, file) => sum + statSync(join(SAMPLES, file)).size, 0);
    const specimens = manifest.samples.map((entry) => entry.file);
    expect(total(specimens.map(thumbnailFile)) / total(specimens)).toBeLessThan(0.02);
  });
});
