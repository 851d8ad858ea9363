/** What the Hangul recogniser made of one line image. */
export interface HangulText {
  text: string;
  /** 0..1. */
  conf: number;
  /** Read as different texts by different cuts of the line: whatever the set it snaps to says, in doubt. */
  disputed?: boolean;
}

/** A recogniser of single lines of Korean (Tesseract's kor model, one line a call, in the browser or Node). */
export interface HangulRecogniser {
  /** The text of each line image (PGM bytes), in order. */
  recognise(lines: readonly Uint8Array[]): Promise<HangulText[]>;
  dispose(): Promise<void>;
}

/**
 * The part of a Tesseract.js worker the recogniser uses, so that this layer needs no import of the
 * package: the browser's worker and Node's pass their own.
 */
export interface TesseractLike<Image> {
  recognize(image: Image): Promise<{ data: { text: string; confidence: number } }>;
  terminate(): Promise<unknown>;
}
