import { describe, expect, it } from 'vitest';
import { clientOver, isPost } from '@/test-support/injected-fetch';
import { inProcessFetch, rig, sample, sampleImage } from '@/test-support/sandbox-fixture';

// What NHN's documents allow is accepted: a keyValues entry with no box, as in the ID-card sample of
// https://docs.nhncloud.com/en/AI%20Service/OCR/en/document-ocr-console-guide/.
describe('results the documents allow', () => {
  it.each([
    ['absent', undefined],
    ['null', null],
  ])('decrypts a keyValues entry whose bbox is %s', async (_, bbox) => {
    const { sandbox } = rig();
    const boxless: typeof fetch = async (input, init) => {
      const response = await inProcessFetch(sandbox)(input, init);
      if (!isPost(input, init)) return response;
      const body = (await response.json()) as { result: { keyValues: Record<string, unknown>[] } };
      if (bbox === undefined) delete body.result.keyValues[0].bbox;
      else body.result.keyValues[0].bbox = bbox;
      return new Response(JSON.stringify(body), { headers: response.headers });
    };
    const truth = sample('id-resident.png');
    if (truth.service !== 'id-card') throw new Error('the resident card is an ID card');
    const { result } = await clientOver(boxless).analyzeIdCard(sampleImage(truth));
    const [first, second] = result.keyValues;
    expect(first.bbox ?? null).toBeNull();
    expect(first.value).toBe(truth.result.keyValues[0].value); // decrypted, not the Base64 ciphertext
    expect(second.bbox).toEqual(truth.result.keyValues[1].bbox); // the others keep theirs
  });
});
