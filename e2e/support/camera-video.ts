import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

/** What one frame of the fake camera shows: a card (or none) on a plain table. */
export interface Shot {
  card: boolean;
  /** The card's offset from the middle, in pixels. */
  dx?: number;
  blur?: number;
  glare?: boolean;
}

export const VIDEO = { width: 1280, height: 720, fps: 5 };

/**
 * Draws each shot in the page (a synthetic card as card-photo.ts draws it, in a 1280×720 frame) and returns it
 * as YUV 4:2:0, the planes Chromium's fake capture device reads from a Y4M file.
 */
export async function drawShots(page: Page, shots: Shot[], number: string, expiry: string): Promise<Buffer[]> {
  const planes = await page.evaluate(
    ({ shots, number, expiry, width, height }) =>
      shots.map((shot) => {
        const canvas = new OffscreenCanvas(width, height);
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        ctx.fillStyle = '#c8c6be';
        ctx.fillRect(0, 0, width, height);
        if (shot.card) {
          const card = new OffscreenCanvas(1000, 630);
          const c = card.getContext('2d')!;
          const sky = c.createLinearGradient(0, 0, 1000, 630);
          sky.addColorStop(0, '#1d3557');
          sky.addColorStop(1, '#457b9d');
          c.fillStyle = sky;
          c.fillRect(0, 0, 1000, 630);
          c.fillStyle = '#f1faee';
          c.font = 'bold 40px sans-serif';
          c.fillText('SPECIMEN BANK', 60, 100);
          c.font = '64px monospace';
          c.fillText(number.replace(/(\d{4})(?=\d)/g, '$1 '), 60, 360);
          c.font = '40px monospace';
          c.fillText(`VALID THRU ${expiry}`, 60, 470);
          if (shot.glare) {
            const light = c.createRadialGradient(560, 330, 40, 560, 330, 230);
            light.addColorStop(0, '#ffffff');
            light.addColorStop(0.6, '#ffffff');
            light.addColorStop(1, 'rgba(255,255,255,0)');
            c.fillStyle = light;
            c.fillRect(0, 0, 1000, 630);
          }
          if (shot.blur) ctx.filter = `blur(${shot.blur}px)`;
          ctx.drawImage(card, 140 + (shot.dx ?? 0), 45);
          ctx.filter = 'none';
        }
        const rgba = ctx.getImageData(0, 0, width, height).data;
        // BT.601 studio range, as the decoder that reads it back assumes.
        const yuv = new Uint8Array((width * height * 3) / 2);
        const u0 = width * height;
        const v0 = u0 + (width * height) / 4;
        for (let y = 0; y < height; y++)
          for (let x = 0; x < width; x++) {
            const i = (y * width + x) * 4;
            const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
            yuv[y * width + x] = 16 + (65.738 * r + 129.057 * g + 25.064 * b) / 256;
            if (y % 2 === 0 && x % 2 === 0) {
              const j = (y / 2) * (width / 2) + x / 2;
              yuv[u0 + j] = 128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256;
              yuv[v0 + j] = 128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256;
            }
          }
        let binary = '';
        for (let i = 0; i < yuv.length; i += 0x8000) binary += String.fromCharCode(...yuv.subarray(i, i + 0x8000));
        return btoa(binary);
      }),
    { shots, number, expiry, ...VIDEO },
  );
  return planes.map((base64) => Buffer.from(base64, 'base64'));
}

/** A Y4M file: the header, then each frame as FRAME and its planes. `frames` index into `planes`. */
export function writeY4m(path: string, planes: Buffer[], frames: number[]): void {
  const header = Buffer.from(`YUV4MPEG2 W${VIDEO.width} H${VIDEO.height} F${VIDEO.fps}:1 Ip A1:1 C420jpeg\n`);
  const marker = Buffer.from('FRAME\n');
  writeFileSync(path, Buffer.concat([header, ...frames.flatMap((i) => [marker, planes[i]])]));
}
