/**
 * The result codes whose fix is in the connection settings (the keys, the app key, the endpoint): the
 * UI opens that panel. Apart from the table of messages (result-codes.ts), which the first screen does
 * not carry.
 */
export const CONNECTION_RESULT_CODES: ReadonlySet<number> = new Set([
  401, 403, 404, 4000005, 4000401, 4000402, 4000403, 4010001, 4010002, 4010003, 4010004, 4010005, 4010006, 4010007,
  4041007,
]);
