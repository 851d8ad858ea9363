// npm run samples (after generate-samples.ts) — the gallery's small WebPs, drawn in Chromium from the
// committed specimens as a browser shows them (EXIF orientation applied).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { SampleManifest } from '../src/api/types';
import { THUMBNAIL_WIDTH, thumbnailFile } from '../src/model/sample-paths';
import { browserLaunchOptions } from './browser.mjs';
import { bytesOfDataUrl } from './samples/data-url';

const SAMPLES = resolve(import.meta.dirname, '../public/samples');

async function main(): Promise<void> {
  const manifest = JSON.parse(await readFile(join(SAMPLES, 'manifest.json'), 'utf8')) as SampleManifest;
  const browser = await chromium.launch(browserLaunchOptions());
  const page = await browser.newPage();
  await page.goto('about:blank');
  try {
    for (const entry of manifest.samples) {
      const bytes = await readFile(join(SAMPLES, entry.file));
      const dataUrl = await page.evaluate(
        async ({ base64, width }) => {
          const blob = await (await fetch(`data:application/octet-stream;base64,${base64}`)).blob();
          const bitmap = await createImageBitmap(blob, {
            resizeWidth: width,
            resizeQuality: 'high',
            imageOrientation: 'from-image',
          });
          const canvas = document.createElement('canvas');
          canvas.width = bitmap.width;
          canvas.height = bitmap.height;
          canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
          // WebP keeps the cards' transparent rounded corners, in light and dark themes alike.
          return canvas.toDataURL('image/webp', 0.82);
        },
        { base64: bytes.toString('base64'), width: THUMBNAIL_WIDTH },
      );
      const out = join(SAMPLES, thumbnailFile(entry.file));
      if (!dataUrl.startsWith('data:image/webp')) throw new Error('this Chromium cannot encode WebP');
      const webp = bytesOfDataUrl(dataUrl);
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, webp);
      console.log(`${thumbnailFile(entry.file)}: ${webp.length} bytes (from ${bytes.length})`);
    }
  } finally {
    await browser.close();
  }
}

await main();
