import type { Page } from '@playwright/test';

// Korean ID cards drawn at test time, in a Korean font the reader's unit tests and bench do not use
// (scripts/provision-browser.mjs installs it): a resident card and a driver's licence, laid out as NHN's
// samples are.
export const FONT = 'NanumBarunGothic';

export interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

export async function drawIdCard(page: Page, lines: Line[]): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ lines, font }) => {
      const canvas = new OffscreenCanvas(1000, 630);
      const ctx = canvas.getContext('2d')!;
      const paper = ctx.createLinearGradient(0, 0, 1000, 630);
      paper.addColorStop(0, '#eef3f7');
      paper.addColorStop(1, '#dfe9ef');
      ctx.fillStyle = paper;
      ctx.fillRect(0, 0, 1000, 630);
      ctx.fillStyle = 'rgba(120,130,150,0.35)';
      ctx.fillRect(760, 190, 190, 250);
      ctx.fillStyle = '#1b1b1b';
      for (const { text, x, y, size } of lines) {
        ctx.font = `${size}px "${font}"`;
        await document.fonts.load(ctx.font, text);
        ctx.fillText(text, x, y);
      }
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { lines, font: FONT },
  );
  return Buffer.from(base64, 'base64');
}

export const RESIDENT_CARD: Line[] = [
  { text: '주민등록증', x: 60, y: 90, size: 48 },
  { text: '홍길동', x: 60, y: 200, size: 50 },
  { text: '900101-1234568', x: 60, y: 280, size: 44 },
  { text: '세종대로 209', x: 60, y: 350, size: 32 },
  { text: '2020.1.2.', x: 360, y: 480, size: 38 },
  { text: '서울특별시 종로구청장', x: 260, y: 560, size: 42 },
];

export const LICENCE: Line[] = [
  { text: '자동차운전면허증', x: 60, y: 80, size: 44 },
  { text: '1종 보통', x: 60, y: 160, size: 38 },
  { text: '11-19-123456-10', x: 60, y: 230, size: 42 },
  { text: '김민준', x: 60, y: 310, size: 48 },
  { text: '900101-1234568', x: 60, y: 390, size: 42 },
  { text: '2020.1.2.', x: 360, y: 490, size: 36 },
  { text: '서울특별시경찰청장', x: 280, y: 570, size: 42 },
];

/**
 * The image drawn again in the page with one corner pixel changed, saved as a new PNG: the same card, but
 * not a specimen's bytes (Chromium would encode an untouched specimen to the very same), so the sandbox reads it.
 */
export async function ownCopy(page: Page, image: Buffer): Promise<Buffer> {
  const base64 = await page.evaluate(async (source) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(source), (c) => c.charCodeAt(0))]));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    ctx.fillStyle = '#808080';
    ctx.fillRect(0, 0, 1, 1);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, image.toString('base64'));
  return Buffer.from(base64, 'base64');
}
