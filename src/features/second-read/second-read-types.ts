/** One digit field as NHN answered it and as this device read it. */
export interface FieldComparison {
  /** The viewer field (ViewerField.id) whose box carries the badge. */
  fieldId: string;
  key: string;
  /** NHN's value, as the field shows it. */
  nhn: string;
  /** The device's reading of the same field; null when the device did not read this field. */
  device: string | null;
  /** Indexes into `nhn` of the characters the device read differently; empty when the two agree. */
  differing: number[];
}

/** The device's second read of one card NHN answered. Values never leave the page. */
export type SecondRead =
  | { status: 'reading' }
  | { status: 'read'; fields: FieldComparison[] }
  /** The device found no card text, or could not read at all: `why` says which, in a sentence. */
  | { status: 'unread'; why: string };

export const disagrees = (c: FieldComparison) => c.device !== null && c.differing.length > 0;

/** Whether a second read found any digit field that differs from NHN's answer. */
export const hasDisagreement = (read: SecondRead | undefined) => read?.status === 'read' && read.fields.some(disagrees);
