import type { AnalysisOutcome } from '@/api';
import { sha256Hex } from '@/lib/hex';
import type { ImageFormat } from '@/lib/image-format';
import type { CardReview } from './review-model';
import { buildSession, onePerImage } from './session';
import { writeSessionZip } from './session-zip';

/** A card as a session export takes it: what buildSession needs, and a way to read its image again. */
export interface ExportedCard {
  file: string;
  name: string;
  sha256: string;
  bytes: number;
  format: ImageFormat;
  outcome: AnalysisOutcome;
  review?: CardReview;
  read: () => Promise<Uint8Array>;
}

/** Thrown when a card's file no longer holds the image that was read: the export would not match its results. */
export class ImageChanged extends Error {
  constructor(readonly file: string) {
    super(`${file} has changed since it was read`);
    this.name = 'ImageChanged';
  }
}

/**
 * A session as one file. The full one is a ZIP of its JSON and its images, each read again and checked
 * against its hash. The redacted one is its JSON alone: a picture of a card is personal data that no
 * redaction of the values removes, and a covered copy would no longer be the image its review is filed by.
 */
export async function exportSessionFile(
  cards: readonly ExportedCard[],
  redacted: boolean,
): Promise<{ blob: Blob; name: string }> {
  const json = buildSession([...cards], redacted);
  if (redacted) return { blob: new Blob([json], { type: 'application/json' }), name: 'cardlens-session-redacted.json' };
  const images = onePerImage(cards).map((card) => ({
    sha256: card.sha256,
    format: card.format,
    read: async () => {
      const bytes = await card.read().catch(() => {
        throw new ImageChanged(card.file); // moved or deleted since it was dropped
      });
      if ((await sha256Hex(bytes)) !== card.sha256) throw new ImageChanged(card.file);
      return bytes;
    },
  }));
  return { blob: await writeSessionZip(json, images), name: 'cardlens-session.zip' };
}
