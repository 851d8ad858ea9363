import { describe, expect, it } from 'vitest';
import { fits } from './motion-cache';
import type { OverlayScene } from './overlay-drawing';

const scene = {} as OverlayScene;
const area = { width: 1280, height: 800 };
const at = { scale: 0.5, x: 100, y: 50 };
const raster = { scene, view: at, area };

describe('the moving overlay picture', () => {
  it('stands in while the view pans within its margin, and not beyond', () => {
    expect(fits(raster, scene, at, area, 0)).toBe(true);
    expect(fits(raster, scene, { ...at, x: at.x + 300 }, area, 0)).toBe(true);
    expect(fits(raster, scene, { ...at, x: at.x + 300 }, area, 0.15)).toBe(false); // time to make a new one
    expect(fits(raster, scene, { ...at, x: at.x - 330 }, area, 0)).toBe(false);
    expect(fits(raster, scene, { ...at, y: at.y + 400 }, area, 0)).toBe(false);
  });

  it('stands in for a zoom of up to 1.4 times either way, if it still covers the screen', () => {
    const zoomed = (factor: number) => ({ scale: at.scale * factor, x: at.x * factor, y: at.y * factor });
    expect(fits(raster, scene, zoomed(1.3), area, 0)).toBe(true);
    expect(fits(raster, scene, zoomed(1.5), area, 0)).toBe(false);
    expect(fits(raster, scene, zoomed(0.6), area, 0)).toBe(false);
  });

  it('never stands in for another scene or another canvas size', () => {
    expect(fits(raster, { ...scene }, at, area, 0)).toBe(false);
    expect(fits(raster, scene, at, { width: 1000, height: 800 }, 0)).toBe(false);
  });
});
