// The on-device reader: PP-OCRv4 detection and recognition run with onnxruntime (passed in), and the
// card parser that maps its lines to NHN's response shape. Plain TypeScript, no DOM: a worker or Node.
export {
  createReader,
  grownBox,
  sortLines,
  type BoxText,
  type OrtModule,
  type Reader,
  type ReaderModels,
  type ReaderOptions,
} from './engine';
export type { Pixels, ReadLine } from './types';
export * from './card-parser';
export { digitText, hasCardLikeText } from './card-text';
export { compactModel, expandModel } from './compact-model';
export {
  isKoreanKey,
  koreanFieldRead,
  KOREAN_KEYS,
  NAME_CHECK_CONF,
  INFERRED_CLASS_CONF,
  readHangulBoxes,
  tesseractRecogniser,
  withHangulFields,
} from './korean';
export type { HangulRecogniser, HangulText, KoreanFieldRead, KoreanKey, TesseractLike } from './korean';
