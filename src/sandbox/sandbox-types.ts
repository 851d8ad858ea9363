import type { OcrService, SampleEntry } from '@/api/types';
import type { ReadCard } from '@/reader-service';
import type { SandboxFaults } from './faults';

export interface SandboxOptions {
  appKey?: string;
  secretKey?: string;
  /** The v2.1 User Access Key token. */
  accessToken?: string;
  samples?: readonly SampleEntry[];
  /** Reads any other image on this device; without it, only the specimens are recognised. */
  readCard?: ReadCard;
  faults?: SandboxFaults;
  /** Wall clock for Request-Key lifetimes. */
  now?: () => number;
  modulusLength?: number;
  /** Waits; tests may pass one that resolves at once. */
  sleep?: (ms: number) => Promise<void>;
  /** The log keeps this many of the latest requests; default 1000. */
  maxLogEntries?: number;
  /** Request-Keys kept at once, the oldest dropped past it (expired ones are swept anyway); default 10,000. */
  maxRequestKeys?: number;
}

export interface SandboxLogEntry {
  at: number;
  method: string;
  path: string;
  status: number;
  resultCode: number | null;
  ms: number;
}

export interface SandboxControl {
  /** New key pairs for both services; the old versions answer 4000301 from then on. */
  rotateKeys(): Promise<void>;
  keyVersion(service: OcrService): Promise<string>;
  setFaults(faults: SandboxFaults): void;
  faults(): SandboxFaults;
  log(): readonly SandboxLogEntry[];
  clearLog(): void;
  /** The most requests that were in flight at one moment since the last reset. */
  maxInFlight(): number;
  /** Request-Keys held, used or not, until they expire or are pushed out. */
  requestKeyCount(): number;
  resetStats(): void;
}

export interface Sandbox {
  fetch(request: Request): Promise<Response>;
  control: SandboxControl;
}
