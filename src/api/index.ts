export { apiVersionOf, missingCredential } from './credentials';
export type { OcrClient, OcrClientOptions, FetchedPublicKey } from './client';
export { createOcrClient, deferredClient } from './deferred-client';
export { OcrError, NETWORK_MESSAGE, type OcrErrorKind, type FieldProblem } from './errors';
export { RESULT_CODES, describeResultCode, type ResultCodeInfo, type Localised } from './result-codes';
export { checkAuthenticityFields, AUTHENTICITY_RULES, PLAIN_AUTHENTICITY_FIELDS } from './authenticity-fields';
export { normaliseDate, isCalendarDate } from './dates';
export type { PublicKeyInfo } from './public-key-info';
// Response schemas, for anything else that must be checked like a response (an imported session).
export { rawCreditCardSchema, rawIdCardSchema } from './schemas';
export * from './query-options';
export * from './types';
