import type { Page } from '@playwright/test';

/**
 * A synthetic card drawn in the page at test time, so no specimen's hash matches it and only the
 * on-device reader can read it: a Luhn-valid number in four groups and an expiry on a gradient, as a PNG.
 * `blur` (pixels) blurs the whole photo, as a lens out of focus would.
 */
export async function drawCardPhoto(page: Page, number: string, expiry: string, blur = 0): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ number, expiry, blur }) => {
      const canvas = new OffscreenCanvas(1000, 630);
      const ctx = canvas.getContext('2d')!;
      const sky = ctx.createLinearGradient(0, 0, 1000, 630);
      sky.addColorStop(0, '#1d3557');
      sky.addColorStop(1, '#457b9d');
      ctx.fillStyle = sky;
      ctx.fillRect(0, 0, 1000, 630);
      ctx.fillStyle = '#f1faee';
      ctx.font = 'bold 40px sans-serif';
      ctx.fillText('SPECIMEN BANK', 60, 100);
      ctx.font = '64px monospace';
      ctx.fillText(number.replace(/(\d{4})(?=\d)/g, '$1 '), 60, 360);
      ctx.font = '40px monospace';
      ctx.fillText(`VALID THRU ${expiry}`, 60, 470);
      const photo = new OffscreenCanvas(1000, 630);
      const lens = photo.getContext('2d')!;
      lens.filter = blur > 0 ? `blur(${blur}px)` : 'none';
      lens.drawImage(canvas, 0, 0);
      const bytes = new Uint8Array(await (await photo.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { number, expiry, blur },
  );
  return Buffer.from(base64, 'base64');
}
