// The viewer's Konva canvas on a 24-megapixel photo with 50 boxes, side by side with a bare
// drawImage of the same bitmap into a plain canvas, in one page (see scripts/bench.ts).
import Konva from 'konva';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ImageQuad } from '@/api';
import type { ViewerField } from '@/model/fields/result-fields';
import CardCanvas, { type Layers } from '@/features/viewer/card-canvas';
import { drawOverlay } from '@/features/viewer/overlay-drawing';
import { fitView, panBy, stagePoint, zoomAt, type ViewTransform } from '@/features/viewer/view-transform';

const W = 6000;
const H = 4000;
const VIEWPORT = { width: 1280, height: 800 };

function photo(): ImageBitmap {
  const canvas = new OffscreenCanvas(W, H);
  const ctx = canvas.getContext('2d')!;
  const gradient = ctx.createLinearGradient(0, 0, W, H);
  gradient.addColorStop(0, '#1f3b73');
  gradient.addColorStop(1, '#d9b44a');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, W, H);
  for (let i = 0; i < 4000; i++) {
    ctx.fillStyle = `hsl(${(i * 37) % 360} 60% 50% / 0.4)`;
    ctx.fillRect((i * 7919) % W, (i * 104729) % H, 60, 40);
  }
  return canvas.transferToImageBitmap();
}

function fields(): ViewerField[] {
  return Array.from({ length: 50 }, (_, i) => {
    const x = 300 + (i % 10) * 540;
    const y = 400 + Math.floor(i / 10) * 700;
    const quad = {
      x1: x,
      y1: y,
      x2: x + 420,
      y2: y + 30,
      x3: x + 410,
      y3: y + 180,
      x4: x - 10,
      y4: y + 150,
    } as ImageQuad;
    return {
      id: `f${i}`,
      key: 'cardNum',
      group: i + 1,
      value: '1234',
      maskedValue: '12••',
      conf: 0.5 + (i % 50) / 100,
      quad,
      sensitivity: null,
      colour: '#2f80ed',
    };
  });
}

const bitmap = photo();
const boxes = fields();
const natural = { width: W, height: H };
// Stable across renders, as the viewer's memoised props are.
const extras: ImageQuad[] = [];
const badges = new Map<string, 'fail' | 'info'>();
const layers = { boxes: true, labels: true, values: true, extra: true };
const label = { lang: 'en' as const, values: 'masked' as const, threshold: 0.8 };
const container = document.getElementById('stage')!;

function render(
  root: ReturnType<typeof createRoot>,
  view: ViewTransform,
  image: ImageBitmap | null = bitmap,
  shown: Layers = layers,
) {
  flushSync(() =>
    root.render(
      <CardCanvas
        image={image}
        natural={natural}
        viewport={VIEWPORT}
        view={view}
        onViewChange={() => undefined}
        fields={boxes}
        extras={extras}
        layers={shown}
        label={label}
        selectedId={null}
        highlightedId={null}
        presentation={false}
        badges={badges}
        onSelect={() => undefined}
        onHover={() => undefined}
      />,
    ),
  );
  // Draw now rather than on the next frame, and read a pixel of every layer so the raster work is really done.
  const stage = Konva.stages[Konva.stages.length - 1];
  stage.draw();
  for (const layer of stage.getLayers()) layer.getCanvas()._canvas.getContext('2d')!.getImageData(0, 0, 1, 1);
}

// On screen beside the stage, so both canvases pay what the compositor costs a canvas it shows.
const bare = document.createElement('canvas');
bare.width = VIEWPORT.width;
bare.height = VIEWPORT.height;
document.getElementById('bare')!.append(bare);
const bareCtx = bare.getContext('2d', { willReadFrequently: false })!;
function drawBare(view: ViewTransform, overlay = false) {
  bareCtx.clearRect(0, 0, bare.width, bare.height);
  bareCtx.drawImage(bitmap, view.x, view.y, W * view.scale, H * view.scale);
  if (overlay)
    drawOverlay(
      bareCtx,
      {
        fields: boxes,
        extras,
        show: layers,
        label: { ...label, valuesInLabels: layers.values },
        focusId: null,
        badges,
        fontSize: 12,
        badgeFontSize: 12,
      },
      view,
      VIEWPORT,
    );
  bareCtx.getImageData(0, 0, 1, 1);
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** 120 views: zoom in towards the centre for 60 frames, then pan for 60. */
function script(): ViewTransform[] {
  const views: ViewTransform[] = [];
  let view = fitView(natural, VIEWPORT);
  for (let i = 0; i < 60; i++) views.push((view = zoomAt(view, 1.03, stagePoint(640, 400))));
  for (let i = 0; i < 60; i++) views.push((view = panBy(view, -12, 6)));
  return views;
}

const time = (fn: () => void) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

/**
 * Draws each view in the viewer, then in the next frame on the bare canvas, timing only each
 * frame's own work: drift on a shared machine falls on both alike.
 */
async function sideBySide(
  root: ReturnType<typeof createRoot>,
  views: ViewTransform[],
  before = () => {},
  shown = layers,
) {
  const konva: number[] = [];
  const plain: number[] = [];
  for (const view of views) {
    before();
    await nextFrame();
    konva.push(time(() => render(root, view, bitmap, shown)));
    await nextFrame();
    plain.push(time(() => drawBare(view)));
  }
  return { konva, plain };
}

Object.assign(window, {
  bench: {
    /**
     * The photo's first draw, boxes and all, into the viewer's stage as it stands between cards
     * (the viewer keeps its stage while cards change; see viewer.tsx). With `only`, just those
     * layers are shown: the breakdown of what the overlay's parts cost.
     */
    async firstDraw(runs: number, only?: Partial<Layers>) {
      const view = fitView(natural, VIEWPORT);
      const shown = only ? { boxes: false, labels: false, values: true, extra: false, ...only } : layers;
      const root = createRoot(container);
      const times = await sideBySide(
        root,
        Array.from({ length: runs }, () => view),
        () => render(root, view, null, shown), // the stage as it stands between cards
        shown,
      );
      root.unmount();
      return times;
    },
    /**
     * The viewer's own overlay routine drawn straight onto the bare canvas, without React or Konva,
     * interleaved with the bare drawImage: what the overlay costs before any framework does.
     */
    async plainOverlay(runs: number) {
      const view = fitView(natural, VIEWPORT);
      const withOverlay: number[] = [];
      const plain: number[] = [];
      for (let i = 0; i < runs; i++) {
        await nextFrame();
        withOverlay.push(time(() => drawBare(view, true)));
        await nextFrame();
        plain.push(time(() => drawBare(view)));
      }
      return { withOverlay, plain };
    },
    /** One view per animation frame, as wheel and drag events arrive. */
    async frames() {
      const views = script();
      const root = createRoot(container);
      render(root, views[0]);
      const times = await sideBySide(root, views);
      root.unmount();
      return times;
    },
  },
});
document.title = 'ready';
