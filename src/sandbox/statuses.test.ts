import { describe, expect, it } from 'vitest';
import { RESULT_CODES } from '@/api';
import { rig, sampleImage } from '@/test-support/sandbox-fixture';

// The service answers HTTP 200 with the result code in the body ("Common Response Information" in
// https://docs.nhncloud.com/en/AI%20Service/OCR/en/document-ocr-api-guide-v2.0/), and the client reads every code so.
const bodyOf = async (response: Response) =>
  (await response.json()) as { header: { isSuccessful: boolean; resultCode: number } };

describe('HTTP statuses as NHN documents them', () => {
  it('answers 4041007 for a path the API does not have with HTTP 200', async () => {
    const { sandbox } = rig();
    const response = await sandbox.fetch(
      new Request('https://sandbox.test/v2.0/appkeys/sandbox/business', { headers: { Authorization: 'sandbox' } }),
    );
    expect(response.status).toBe(200);
    expect((await bodyOf(response)).header.resultCode).toBe(4041007);
  });

  it('answers 4131000 for an image over 20 MB with HTTP 200, and the client still calls it the size error', async () => {
    const { client, sandbox } = rig();
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    await expect(client.analyzeCreditCard({ bytes: big, fileName: 'image.jpg' })).rejects.toMatchObject({
      kind: 'api',
      resultCode: 4131000,
      resultKey: 'MAX_UPLOAD_SIZE_EXCEEDED',
      status: 200,
    });
    expect(sandbox.control.log().at(-1)).toMatchObject({ status: 200, resultCode: 4131000 });
  });

  it('answers every result code in the table with HTTP 200', async () => {
    const { client, sandbox } = rig();
    for (const code of Object.keys(RESULT_CODES).map(Number)) {
      if (code === 0) continue;
      sandbox.control.setFaults({ resultCode: code, times: code === 4000301 ? 2 : 1 });
      await expect(client.analyzeCreditCard(sampleImage('credit-card.png')), `code ${code}`).rejects.toMatchObject({
        kind: 'api',
        resultCode: code,
        status: 200,
      });
    }
    expect(sandbox.control.log().every((entry) => entry.status === 200)).toBe(true);
  });
});
