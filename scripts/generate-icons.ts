// npx tsx scripts/generate-icons.ts — the app's icons in public/icons/ (the output is committed): a white
// card under a lens on the app's accent blue (src/app/styles.css, --accent), drawn with signed distances
// and 4×4 samples a pixel so the edges are smooth.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { encode } from 'fast-png';

const OUT = resolve(import.meta.dirname, '../public/icons');
const ACCENT = [0x1f, 0x5f, 0xd1] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const STRIPE = [0x9d, 0xb8, 0xea] as const;
const SAMPLES = 4;

type Rgb = readonly [number, number, number];
/** A shape in unit coordinates (0–1 across the icon): the distance to its edge, negative inside. */
type Shape = (x: number, y: number) => number;

function roundedRect(cx: number, cy: number, halfW: number, halfH: number, r: number): Shape {
  return (x, y) => {
    const qx = Math.abs(x - cx) - halfW + r;
    const qy = Math.abs(y - cy) - halfH + r;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

const ring =
  (cx: number, cy: number, radius: number, half: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - radius) - half;

/** A stroke from (ax, ay) to (bx, by) with round ends. */
function segment(ax: number, ay: number, bx: number, by: number, half: number): Shape {
  return (x, y) => {
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - ax - t * dx, y - ay - t * dy) - half;
  };
}

const disc =
  (cx: number, cy: number, radius: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - radius;

/**
 * The layers, bottom first. `maskable` fills the whole square (the platform cuts its own shape) and keeps
 * the drawing inside the middle 80%, the safe zone; otherwise the background is a rounded square.
 */
function layers(maskable: boolean): { shape: Shape; colour: Rgb }[] {
  const s = maskable ? 0.72 : 1;
  const at = (v: number) => 0.5 + (v - 0.5) * s;
  const len = (v: number) => v * s;
  return [
    { shape: maskable ? () => -1 : roundedRect(0.5, 0.5, 0.46, 0.46, 0.2), colour: ACCENT },
    { shape: roundedRect(at(0.44), at(0.44), len(0.3), len(0.19), len(0.05)), colour: WHITE },
    { shape: roundedRect(at(0.44), at(0.36), len(0.3), len(0.035), 0), colour: STRIPE },
    { shape: roundedRect(at(0.33), at(0.5), len(0.14), len(0.022), len(0.022)), colour: ACCENT },
    // The lens: its glass shows the accent through, its rim and handle are white.
    { shape: disc(at(0.63), at(0.62), len(0.15)), colour: ACCENT },
    { shape: ring(at(0.63), at(0.62), len(0.13), len(0.03)), colour: WHITE },
    { shape: segment(at(0.73), at(0.72), at(0.84), at(0.83), len(0.04)), colour: WHITE },
  ];
}

function draw(size: number, maskable: boolean): Uint8Array {
  const data = new Uint8Array(size * size * 4);
  const stack = layers(maskable);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied sums over the pixel's samples, composited front to back per sample.
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          const top = stack.findLast((layer) => layer.shape(x, y) < 0);
          if (!top) continue;
          [r, g, b, a] = [r + top.colour[0], g + top.colour[1], b + top.colour[2], a + 1];
        }
      }
      const i = (py * size + px) * 4;
      if (a === 0) continue;
      data.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((a / SAMPLES ** 2) * 255)], i);
    }
  }
  return data;
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const icons = [
    { file: 'icon-192.png', size: 192, maskable: false },
    { file: 'icon-512.png', size: 512, maskable: false },
    { file: 'icon-maskable-512.png', size: 512, maskable: true },
    // iOS takes no manifest icons; it looks for this one, and fills the transparent corners itself.
    { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
  ];
  for (const { file, size, maskable } of icons) {
    const png = encode({ width: size, height: size, data: draw(size, maskable), channels: 4, depth: 8 });
    await writeFile(join(OUT, file), png);
    console.log(`${file}: ${png.length} bytes`);
  }
}

await main();
