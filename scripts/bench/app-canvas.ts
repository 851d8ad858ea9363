// Section `app` of scripts/bench.ts: the viewer as the app runs it, not in a harness. A card is opened
// through the specimen gallery, then panned and zoomed with real wheel and drag events; then the operator
// moves between two cards with [ and ] for the first draw. The e2e build opened with ?bench-canvas times
// every draw of the viewer's layer and draws the same frame on a plain canvas of the same size: in the
// animation frames that follow, or for a picture's first draw back to back with the layer's, taking turns
// going first (src/features/viewer/canvas-timing.ts); the figures compare the two.
import type { Browser, Page } from '@playwright/test';
import type {} from '../../src/app/test-hooks';
import type { TimedDraw } from '../../src/features/viewer/canvas-timing';
import { median, round } from './stats';

const PAN_ZOOM = { title: 'High-resolution scan', file: 'credit-card-hires.png' };
const OTHER = { title: 'Credit card', file: 'credit-card.png' };
/** One wheel notch of this many pixels zooms by exp(20 × 0.0015) ≈ 1.03, the harness's step. */
const WHEEL_DELTA = -20;
const STEPS = 60;
const OPENS = 16;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** Draws timed since `after` (a seq), once every one of them has its twins drawn. */
function drawsAfter(
  page: Page,
  after: number,
  until: { moving: true; timeoutMs: number } | { newCard: string; oldPicture: number; timeoutMs: number },
) {
  return page.evaluate(
    async ({ after, until }) => {
      const deadline = performance.now() + until.timeoutMs;
      for (;;) {
        const probe = window.__cardlens!.viewer();
        const draws = (probe?.timedDraws ?? []).filter((d) => d.seq > after);
        const wanted = draws.some((d) =>
          'newCard' in until
            ? probe?.fileName === until.newCard && d.picture !== until.oldPicture && d.crisp && d.boxes > 0
            : d.moving,
        );
        if ((wanted && draws.every((d) => d.plain.done)) || performance.now() > deadline)
          return { draws: JSON.parse(JSON.stringify(draws)) as TimedDraw[], timedOut: !wanted };
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    },
    { after, until },
  );
}

const lastDraw = (page: Page) =>
  page.evaluate(() => {
    const draws = window.__cardlens!.viewer()?.timedDraws ?? [];
    return { seq: draws.at(-1)?.seq ?? 0, picture: draws.at(-1)?.picture ?? 0 };
  });

/**
 * Opens a card through the UI, as a visitor would, and returns its first crisp draw with its boxes (or null):
 * `act` clicks a specimen in the gallery or moves through the queue with the [ and ] keys.
 */
async function open(page: Page, file: string, act: () => Promise<void>, timeoutMs = 30_000) {
  const before = await lastDraw(page);
  const waiting = drawsAfter(page, before.seq, { newCard: file, oldPicture: before.picture, timeoutMs });
  await act();
  const { draws } = await waiting;
  return draws.find((d) => d.picture !== before.picture && d.crisp && d.boxes > 0) ?? null;
}

const fromGallery = (page: Page, specimen: typeof PAN_ZOOM) => () =>
  page
    .getByRole('button', { name: `Analyse sample: ${specimen.title}`, exact: true })
    .first()
    .click();

/** 60 wheel notches in towards the middle, then a 60-step drag: one event, its draw and its twins at a time. */
async function panZoom(page: Page) {
  const canvas = page.getByRole('application', { name: /card image/i });
  const box = (await canvas.boundingBox())!;
  const frames: TimedDraw[] = [];
  let missed = 0;
  let settled = 0;
  const step = async (act: () => Promise<void>) => {
    const { seq } = await lastDraw(page);
    // Listening before the event is sent, so the bench's own messages are not in flight during the draw.
    const waiting = drawsAfter(page, seq, { moving: true, timeoutMs: 2000 });
    await act();
    const { draws, timedOut } = await waiting;
    if (timedOut) missed++;
    // A crisp redraw mid-gesture means the pacing let the view settle (150 ms) between events.
    settled += draws.filter((d) => !d.moving).length;
    frames.push(...draws.filter((d) => d.moving));
  };
  const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(middle.x, middle.y);
  await page.waitForTimeout(400);
  for (let i = 0; i < STEPS; i++) await step(() => page.mouse.wheel(0, WHEEL_DELTA));
  await page.waitForTimeout(400);
  // Left and down from near the top right corner, staying on the canvas: leaving it ends the drag.
  const from = { x: box.x + box.width - 20, y: box.y + 20 };
  const dx = Math.min(12, (box.width - 40) / STEPS);
  const dy = Math.min(6, (box.height - 40) / STEPS);
  await page.mouse.move(from.x, from.y);
  await page.waitForTimeout(400);
  await page.mouse.down();
  for (let i = 1; i <= STEPS; i++) await step(() => page.mouse.move(from.x - dx * i, from.y + dy * i));
  await page.mouse.up();
  return { frames, missed, settled, canvas: { width: Math.round(box.width), height: Math.round(box.height) } };
}

export async function measureApp(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  // Cross-origin isolated, performance.now() resolves 5 µs rather than 100 µs: a frame here takes about 1 ms.
  await page.route(`${url}/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      },
    });
  });
  await page.goto(`${url}/?bench-canvas`);
  await page.evaluate(() => Promise.all([window.__cardlens!.sandbox(), window.__cardlens!.viewerCode()]));
  const clock = await page.evaluate(() => {
    // The smallest step performance.now() takes.
    let step = Infinity;
    for (let i = 0, last = performance.now(); i < 20_000; i++) {
      const now = performance.now();
      if (now > last) step = Math.min(step, now - last);
      last = now;
    }
    return { isolated: crossOriginIsolated, stepMs: step };
  });
  try {
    if (!(await open(page, PAN_ZOOM.file, fromGallery(page, PAN_ZOOM))))
      throw new Error(`${PAN_ZOOM.file}: no draw of its boxes was timed`);
    const boxes = await page.evaluate(() => window.__cardlens!.viewer()!.boxesDrawn);
    const pz = await panZoom(page);
    await page.waitForTimeout(400);

    // A second card, then back and forth between the two with [ and ], as an operator moves through the
    // queue: each time the card's picture is decoded afresh and drawn, boxes and all, into the standing stage.
    // The first visit of each warms caches (text widths, code paths) and is skipped.
    await open(page, OTHER.file, fromGallery(page, OTHER));
    let keys = ['[', ']'];
    const opens: (TimedDraw & { plain: { withOverlay: number } })[] = [];
    let untimed = 0;
    for (let i = 0; i < OPENS; i++) {
      const file = i % 2 === 0 ? PAN_ZOOM.file : OTHER.file;
      let draw = await open(page, file, () => page.keyboard.press(keys[i % 2]), 3000);
      if (!draw && i === 0) {
        // The table lists the cards the other way round.
        keys = [']', '['];
        draw = await open(page, file, () => page.keyboard.press(keys[0]));
      }
      if (i < 2) continue;
      if (draw?.plain.withOverlay != null)
        opens.push({ ...draw, plain: { ...draw.plain, withOverlay: draw.plain.withOverlay } });
      else untimed++;
    }

    const konva = pz.frames.map((f) => f.konvaMs);
    const bare = pz.frames.flatMap((f) => (f.plain.photo == null ? [] : [f.plain.photo]));
    const unsmoothed = pz.frames.flatMap((f) => (f.plain.photoUnsmoothed == null ? [] : [f.plain.photoUnsmoothed]));
    const p = (values: number[], q: number) => round(percentile(values, q), 2);
    const ratio = (a: number, b: number) => round(a / b);
    const firstKonva = opens.map((d) => d.konvaMs);
    const firstPlain = opens.map((d) => d.plain.withOverlay);
    const firstRatios = (which: (d: (typeof opens)[number]) => boolean) =>
      round(median(opens.filter(which).map((d) => d.konvaMs / d.plain.withOverlay)));
    return {
      card: `${PAN_ZOOM.file} (${boxes} boxes) on a ${pz.canvas.width}×${pz.canvas.height} canvas, viewport 1440×900; first draws alternate it with ${OTHER.file}`,
      method:
        "Konva's layer draw (beforeDraw to draw event) against the same frame on a plain canvas in the next animation frame, or for a card's first draw just before or just after it in turns; the page's style brought up to date before either clock starts; each side read back by one pixel",
      clock,
      panZoomFrames: {
        frames: konva.length,
        eventsWithoutMovingDraw: pz.missed,
        settledMidGesture: pz.settled,
        fromMotionCache: pz.frames.filter((f) => !f.crisp).length,
        konvaMs: { p50: p(konva, 0.5), p95: p(konva, 0.95) },
        bareMs: { p50: p(bare, 0.5), p95: p(bare, 0.95) },
        // The viewer samples the photo unsmoothed while the view moves; this bare twin does too.
        bareUnsmoothedMs: { p50: p(unsmoothed, 0.5), p95: p(unsmoothed, 0.95) },
        p50RatioToUnsmoothed: ratio(percentile(konva, 0.5), percentile(unsmoothed, 0.5)),
        p95RatioToUnsmoothed: ratio(percentile(konva, 0.95), percentile(unsmoothed, 0.95)),
      },
      appPanZoomP50Ratio: ratio(percentile(konva, 0.5), percentile(bare, 0.5)),
      appPanZoomP95Ratio: ratio(percentile(konva, 0.95), percentile(bare, 0.95)),
      panZoomTarget: '<= 1.5',
      firstDraw: {
        cards: opens.length,
        // Not timed: not seen, or its picture closed before the plain canvas drew it.
        untimed,
        konvaMs: round(median(firstKonva), 2),
        plainOverlayMs: round(median(firstPlain), 2),
        // The photo alone on the plain canvas: what the overlay adds on top of it.
        barePhotoMs: round(median(opens.map((d) => d.plain.photo ?? NaN)), 2),
        // The page's style, brought up to date before the layer's clock: without that, its first label would.
        styleMs: round(median(opens.map((d) => d.styleMs)), 2),
        ratioWithStyle: round(median(opens.map((d) => (d.konvaMs + d.styleMs) / d.plain.withOverlay))),
        // A new picture's first reader pays for pixels nobody has read yet.
        ratioWhenPlainFirst: firstRatios((d) => d.plainFirst === true),
        ratioWhenKonvaFirst: firstRatios((d) => d.plainFirst === false),
        ratioRange: [
          round(Math.min(...opens.map((d) => d.konvaMs / d.plain.withOverlay))),
          round(Math.max(...opens.map((d) => d.konvaMs / d.plain.withOverlay))),
        ],
      },
      // The median of each card's own ratio: the two specimens differ in size.
      appFirstDrawOverPlainRatio: round(median(opens.map((d) => d.konvaMs / d.plain.withOverlay))),
      firstDrawTarget: '<= 1.15',
    };
  } finally {
    await page.close();
  }
}
