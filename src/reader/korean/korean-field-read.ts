// One Hangul field read alone, in a box another reader placed (the second read of NHN's answer): the
// recogniser's line shaped as the card reader shapes it, a name by its structure, an issuer or a
// licence's classes snapped to their closed set.
import { licenceClasses, snapLicenceClass } from './licence-classes';
import { readKoreanName } from './korean-name';
import { LICENCE_ISSUERS, RESIDENT_CARD_ISSUERS } from './korean-sets';
import type { KoreanKey } from './korean-keys';
import { snapToSet, UNSNAPPED_CONF } from './snap';

// A box says which field it is, not which card: an issuer is either card's.
const ISSUERS: readonly string[] = [...new Set([...RESIDENT_CARD_ISSUERS, ...LICENCE_ISSUERS])];

export interface KoreanFieldRead {
  value: string;
  /** 0..1, as the card reader gives the same field. */
  conf: number;
  /** Whether value is an entry of the field's closed set (issuers, licence classes); false for a name. */
  snapped: boolean;
}

/** What a line read as the Hangul field `key` says, shaped and snapped as the card reader would answer it. */
export function koreanFieldRead(key: KoreanKey, text: string, conf: number): KoreanFieldRead {
  if (key === 'name') return { ...readKoreanName(text, conf), snapped: false };
  if (key === 'issuer') return snapToSet(text, ISSUERS, conf);
  const classes = licenceClasses(text).map((cls, i) => snapLicenceClass(cls, i, conf));
  if (classes.length === 0) return { value: text.trim(), conf: Math.min(conf, UNSNAPPED_CONF), snapped: false };
  return {
    value: classes.map((c) => c.value).join('/'),
    conf: Math.min(...classes.map((c) => c.conf)),
    snapped: classes.every((c) => c.snapped),
  };
}
