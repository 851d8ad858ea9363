// npm run bench -- labels, or on its own: npx tsx scripts/bench/label-placement.ts
// Label placement runs on every draw of the viewer, over every field on screen. It runs in plain
// TypeScript, so it is timed here in Node: a card-like layout at the answer's bound, every label on one
// spot (the worst case for an index), and the 2,000 and 8,000 fields it was first measured at.
import { pathToFileURL } from 'node:url';
import { MAX_ANSWER_ITEMS } from '../../src/api/schemas';
import { placeLabels, type LabelRequest } from '../../src/features/viewer/label-placement';
import { stagePoint, type Size } from '../../src/features/viewer/view-transform';
import { median, round } from './stats';

const AREA: Size = { width: 1200, height: 760 };

/** A deterministic generator (mulberry32), so every run places the same labels. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` boxes strewn over the canvas, each with a label about as wide as a field's name and value. */
function strewn(count: number, seed = 1): LabelRequest[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const x = next() * (AREA.width - 40) - 20;
    const y = next() * (AREA.height - 20);
    const box = { x, y, width: 30 + next() * 150, height: 14 + next() * 20 };
    return { box, anchor: stagePoint(x, y), width: 60 + next() * 160, height: 20 };
  });
}

/** Every box on the same spot: every label competes for the same four places. */
function stacked(count: number): LabelRequest[] {
  return Array.from({ length: count }, () => ({
    box: { x: 400, y: 300, width: 120, height: 24 },
    anchor: stagePoint(400, 300),
    width: 140,
    height: 20,
  }));
}

function time(requests: LabelRequest[], runs: number): { ms: number; shown: number } {
  const samples: number[] = [];
  let shown = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    shown = placeLabels(requests, AREA).filter((s) => !s.crowded).length;
    samples.push(performance.now() - started);
  }
  return { ms: round(median(samples), 3), shown };
}

export function measureLabelPlacement() {
  placeLabels(strewn(500), AREA); // warm up the JIT
  return {
    area: `${AREA.width}×${AREA.height}`,
    [`strewn${MAX_ANSWER_ITEMS}Ms`]: time(strewn(MAX_ANSWER_ITEMS), 41),
    [`stacked${MAX_ANSWER_ITEMS}Ms`]: time(stacked(MAX_ANSWER_ITEMS), 41),
    strewn2000Ms: time(strewn(2000), 9),
    strewn8000Ms: time(strewn(8000), 5),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(measureLabelPlacement(), null, 2));
}
