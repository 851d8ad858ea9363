/** NHN's keys of an ID card's Hangul fields: what the Hangul recogniser reads, not the digit one. */
export type KoreanKey = 'name' | 'issuer' | 'licenseType';
export const KOREAN_KEYS: readonly KoreanKey[] = ['name', 'issuer', 'licenseType'];
export const isKoreanKey = (key: string): key is KoreanKey => (KOREAN_KEYS as readonly string[]).includes(key);
