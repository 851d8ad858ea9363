// The second read on Korean ID cards (scripts/reader-set/korean-layout.ts): each card's answer is its
// ground truth, boxed where it was drawn, as a faithful service's would be; the device reads the name,
// issuer and licence type inside those boxes and compares. Then the same with the name answered one
// syllable off (the sandbox's alterDigit fault), which the read should flag.
//
//   npx tsx scripts/bench/second-read-korean.ts [count] [firstSeed]
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import type { IdCardResult } from '../../src/api/types';
import { fieldsOf } from '../../src/model/fields/result-fields';
import { checkedFields, compareBoxReads } from '../../src/model/second-read/compare-reads';
import { deviceReaderWith } from '../../src/reader-service/device-reader';
import { withAlteredDigit } from '../../src/sandbox/faults';
import { browserLaunchOptions } from '../browser.mjs';
import { generateCard } from '../generate-reader-set';
import { decodeForReading, loadHangulRecogniser, loadNodeReader } from '../node-card-reader';
import { KOREAN_FONTS } from '../reader-set/korean-layout';
import { median, round } from './stats';

const KEYS = ['name', 'issuer', 'licenseType'] as const;

export async function measureKoreanSecondRead(count = 40, firstSeed = 3001) {
  const browser = await chromium.launch(browserLaunchOptions());
  const page = await browser.newPage();
  const device = deviceReaderWith(() => loadNodeReader({}), decodeForReading, loadHangulRecogniser);
  const tally = Object.fromEntries(KEYS.map((k) => [k, { agreed: 0, notChecked: 0, flagged: 0 }]));
  let alteredNames = 0;
  let alteredFlagged = 0;
  const times: number[] = [];
  const wrongFlags: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const seed = firstSeed + i;
      const idType = i % 2 ? 'driver' : 'resident';
      const card = await generateCard(page, seed, { korean: { idType, fonts: KOREAN_FONTS } });
      const { truth, boxes } = card.truth;
      if (truth.service !== 'id-card') continue;
      const t = truth as unknown as Record<string, string | undefined>;
      const keyValues = KEYS.filter((key) => t[key] && boxes[key]).map((key) => ({
        key,
        value: t[key]!,
        conf: 0.99,
        bbox: boxes[key],
      }));
      const result = { fileType: 'png', resolution: 'normal', idType, keyValues } as unknown as IdCardResult;
      const fields = checkedFields(fieldsOf({ kind: 'id-card', result }));
      const started = performance.now();
      const read = await device.readBoxes(
        card.bytes,
        fields.map((f) => f.quad),
        { hangul: fields.map(() => true) },
      );
      times.push(performance.now() - started);
      if (read.kind !== 'read') throw new Error(`seed ${seed}: ${JSON.stringify(read)}`);
      for (const c of compareBoxReads(fields, read.texts)) {
        const entry = tally[c.key];
        if (c.device === null) entry.notChecked++;
        else if (c.differing.length) {
          entry.flagged++;
          wrongFlags.push(`${seed} ${c.key}: ${c.nhn} → ${c.device}`);
        } else entry.agreed++;
      }
      const altered = withAlteredDigit({ result }, { field: 'name', at: 1 }).result;
      const name = compareBoxReads(checkedFields(fieldsOf({ kind: 'id-card', result: altered })), read.texts).find(
        (c) => c.key === 'name',
      );
      if (name?.device !== null && name !== undefined) {
        alteredNames++;
        if (name.differing.length) alteredFlagged++;
      }
    }
  } finally {
    await browser.close();
  }
  return {
    cards: count,
    seeds: `${firstSeed}–${firstSeed + count - 1}`,
    faithful: tally,
    wrongFlags,
    nameOneSyllableOff: `${alteredFlagged}/${alteredNames} of the names checked`,
    readMsMedian: round(median(times.slice(1)), 0),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count, first] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await measureKoreanSecondRead(count || 40, first || 3001), null, 2));
  process.exit(0);
}
