import { describe, expect, it } from 'vitest';
import { CONNECTION_RESULT_CODES } from './connection-codes';
import { OcrError } from './errors';
import { RESULT_CODES } from './result-codes';

describe('connection result codes', () => {
  it('are codes of the table', () => {
    for (const code of CONNECTION_RESULT_CODES) expect(RESULT_CODES[code], `code ${code}`).toBeDefined();
  });

  it('make an api error a connection problem, and no other code does', () => {
    const connection = Object.keys(RESULT_CODES)
      .map(Number)
      .filter((code) => new OcrError('api', 'x', { resultCode: code }).isConnectionProblem);
    expect(connection).toEqual([...CONNECTION_RESULT_CODES].sort((a, b) => a - b));
    expect(connection).toContain(4010001); // UNAUTHORIZED_APP_KEY: the app key is wrong
    expect(connection).not.toContain(4000301); // a stale key version is retried, not the user's to fix
  });
});
