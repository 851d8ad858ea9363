import type { OcrService } from '@/api/types';
import type { Quad } from '@/lib/quad';
import type { DeviceBoxesRead, DeviceRead, DeviceWarm, ReaderDownload } from './types';

// The messages between the page and the reader's worker. Images cross as transferred buffers.

export type ReaderCommand =
  | { id: number; kind: 'read-card'; image: ArrayBuffer; service: OcrService; hangul: boolean }
  | { id: number; kind: 'read-boxes'; image: ArrayBuffer; boxes: Quad[]; hangul: boolean[] }
  /** Load the reader now, with no image to read. */
  | { id: number; kind: 'warm' };

export type ReaderReply =
  | { id: number; ok: true; value: DeviceRead | DeviceBoxesRead | DeviceWarm }
  | { id: number; ok: false; error: string }
  /** Unasked: how far the first download of the runtime and models has come. */
  | { progress: ReaderDownload };
