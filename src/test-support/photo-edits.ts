// Edits to a decoded photo for the quality tests: a blur, as a lens out of focus gives, and a saturated patch,
// as a lamp's reflection does.
import type { RgbaFrame } from '@/images/card-finder';

/** Decoded pixels, as a canvas gives them. */
export type Photo = RgbaFrame & { data: Uint8ClampedArray };

/** A copy blurred by a box of `radius` pixels, applied twice (close to a Gaussian), one axis at a time. */
export function blurredCopy(frame: RgbaFrame, radius: number): Photo {
  let data: Uint8ClampedArray = Uint8ClampedArray.from(frame.data);
  for (let pass = 0; pass < 2; pass++) {
    data = boxAlong(data, frame.width, frame.height, radius, 1, frame.width);
    data = boxAlong(data, frame.width, frame.height, radius, frame.width, 1);
  }
  return { width: frame.width, height: frame.height, data };
}

/** One axis of a box blur: `step` pixels between neighbours along it, `lines` pixels between the lines across it. */
function boxAlong(
  src: Uint8ClampedArray,
  width: number,
  height: number,
  radius: number,
  step: number,
  lines: number,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(src.length);
  const [count, across] = step === 1 ? [width, height] : [height, width];
  for (let line = 0; line < across; line++) {
    const base = line * lines;
    for (let c = 0; c < 4; c++) {
      for (let i = 0; i < count; i++) {
        let [sum, n] = [0, 0];
        for (let j = Math.max(0, i - radius); j <= Math.min(count - 1, i + radius); j++) {
          sum += src[(base + j * step) * 4 + c];
          n++;
        }
        out[(base + i * step) * 4 + c] = sum / n;
      }
    }
  }
  return out;
}

/** A copy with a white rectangle (fractions of the width and height) painted over it. */
export function withPatch(
  frame: RgbaFrame,
  patch: { left: number; top: number; right: number; bottom: number },
): Photo {
  const data = Uint8ClampedArray.from(frame.data);
  for (let y = Math.round(patch.top * frame.height); y < Math.round(patch.bottom * frame.height); y++)
    for (let x = Math.round(patch.left * frame.width); x < Math.round(patch.right * frame.width); x++)
      data.set([255, 255, 255, 255], (y * frame.width + x) * 4);
  return { width: frame.width, height: frame.height, data };
}
