import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SCALE,
  fitView,
  imagePoint,
  imageToStage,
  pinchView,
  stagePoint,
  stageToImage,
  zoomAt,
} from './view-transform';

describe('view transform', () => {
  it('fits a 24-megapixel photo inside the viewport, centred', () => {
    const view = fitView({ width: 6000, height: 4000 }, { width: 1032, height: 700 });
    expect(6000 * view.scale).toBeLessThanOrEqual(1000);
    expect(view.x).toBeCloseTo((1032 - 6000 * view.scale) / 2);
  });

  it('maps image to stage and back exactly', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 10, noNaN: true }),
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: 0, max: 6000 }),
        (scale, offset, coord) => {
          const view = { scale, x: offset, y: -offset };
          const back = stageToImage(imageToStage(imagePoint(coord, coord / 2), view), view);
          expect(back.x).toBeCloseTo(coord, 6);
          expect(back.y).toBeCloseTo(coord / 2, 6);
        },
      ),
    );
  });

  it('keeps the point under the cursor fixed while zooming', () => {
    const view = { scale: 0.5, x: 10, y: 20 };
    const anchor = stagePoint(300, 200);
    const before = stageToImage(anchor, view);
    const after = stageToImage(anchor, zoomAt(view, 1.7, anchor));
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('keeps the image point under two fingers between them as they spread and move', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 600 }));
    fc.assert(
      fc.property(point, point, point, point, ([ax, ay], [bx, by], [cx, cy], [dx, dy]) => {
        fc.pre(Math.hypot(ax - bx, ay - by) > 20 && Math.hypot(cx - dx, cy - dy) > 20);
        const view = { scale: 0.4, x: 30, y: -12 };
        const from = [stagePoint(ax, ay), stagePoint(bx, by)] as const;
        const to = [stagePoint(cx, cy), stagePoint(dx, dy)] as const;
        const next = pinchView(view, from, to);
        const held = stageToImage(stagePoint((ax + bx) / 2, (ay + by) / 2), view);
        const now = imageToStage(held, next);
        if (next.scale > 0.02 && next.scale < MAX_SCALE) {
          expect(next.scale / view.scale).toBeCloseTo(Math.hypot(cx - dx, cy - dy) / Math.hypot(ax - bx, ay - by), 6);
        }
        expect(now.x).toBeCloseTo((cx + dx) / 2, 6);
        expect(now.y).toBeCloseTo((cy + dy) / 2, 6);
      }),
    );
  });

  it('pans without zooming when two fingers move together', () => {
    const view = { scale: 1, x: 0, y: 0 };
    const next = pinchView(
      view,
      [stagePoint(100, 100), stagePoint(200, 100)],
      [stagePoint(130, 90), stagePoint(230, 90)],
    );
    expect(next).toEqual({ scale: 1, x: 30, y: -10 });
  });
});
