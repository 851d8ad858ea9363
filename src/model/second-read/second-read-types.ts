/** One field (digits, or a Hangul name, issuer or licence type) as NHN answered it and as this device read it. */
export interface FieldComparison {
  /** The viewer field (ViewerField.id) whose box carries the badge. */
  fieldId: string;
  key: string;
  /** NHN's value, as the field shows it. */
  nhn: string;
  /** The device's reading of the same field; null when the device did not make it out, or not surely enough to check. */
  device: string | null;
  /** Indexes into `nhn`'s characters (a Hangul field's syllables) the device read differently; empty when the two agree. */
  differing: number[];
}

/** Why a card got no second read. */
export type UnreadReason =
  | 'no-fields' // NHN's answer has no digit or Hangul field with a box
  | 'file-changed' // the file on disk is no longer the image NHN read
  | 'file-gone'
  | 'not-decoded' // the device could not decode the image
  | 'reader-unavailable' // the reader could not start, or crashed
  | 'read-on-device'; // the answer is this device's own reading: reading it again would prove nothing

/** The device's second read of one card NHN answered. Values never leave the page. */
export type SecondRead =
  | { status: 'reading' }
  | { status: 'read'; fields: FieldComparison[] }
  /** `detail` is the technical cause, where there is one (the reader's error), shown as it came. */
  | { status: 'unread'; reason: UnreadReason; detail?: string };

/** The device made out the field's text: only then can it agree or disagree. */
export const wasRead = (c: FieldComparison) => c.device !== null;
export const disagrees = (c: FieldComparison) => wasRead(c) && c.differing.length > 0;

/** Whether a second read found any field that differs from NHN's answer. */
export const hasDisagreement = (read: SecondRead | undefined) => read?.status === 'read' && read.fields.some(disagrees);
