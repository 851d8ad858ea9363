import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { SampleEntry, SampleManifest } from '@/api';
import type {} from '@/app/test-hooks';
import type { ViewerProbe } from '@/features/viewer/viewer-probe';

const SAMPLES_DIR = resolve(import.meta.dirname, '../../public/samples');
export const manifest = JSON.parse(readFileSync(resolve(SAMPLES_DIR, 'manifest.json'), 'utf8')) as SampleManifest;
export const sampleBytes = (file: string) => readFileSync(resolve(SAMPLES_DIR, file));

/**
 * A day on which the specimens' dates read as the specs expect: the low-resolution card expired (05/25),
 * every other card still valid (11/28 the soonest to expire), and the passport too (until 2031).
 */
export const SPECIMEN_DAY = new Date('2026-11-25T12:00:00Z');

export function quadCount(entry: SampleEntry): number {
  const r = entry.result as { cardNumBoxes?: unknown[]; validThruBox?: unknown; keyValues?: unknown[] };
  return (r.cardNumBoxes?.length ?? 0) + (r.validThruBox ? 1 : 0) + (r.keyValues?.length ?? 0);
}

/** Resolves once the page has drawn `count` more frames: a render has been committed and its effects have run. */
export async function afterFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, count);
}

/** What the recorders below keep in the page. */
interface Recorded {
  __cspViolations: string[];
  /** Whether the card canvas drew its latest picture smoothed; undefined before it drew any. */
  __cardSmoothed?: boolean;
  __settling?: { token: number; before: string; still: number };
}

let settles = 0;

/** The operator's screen, in the words a user would use. */
export class CardlensPage {
  readonly problems: string[] = [];
  /** Registering the recorders is asynchronous; open() waits for them so the first page has them too. */
  private readonly recording: Promise<unknown>;

  constructor(readonly page: Page) {
    this.recording = Promise.all([
      // Every page records Content Security Policy violations; specs assert there are none.
      page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as Recorded).__cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      }),
      // The card canvas draws the frames of a moving view with the photo unsmoothed, then a settled
      // frame after the motion stops; the probe does not say which the last one was, its pictures do.
      page.addInitScript(() => {
        const proto = CanvasRenderingContext2D.prototype;
        const draw = Reflect.get(proto, 'drawImage') as (...args: unknown[]) => void;
        Reflect.set(proto, 'drawImage', function (this: CanvasRenderingContext2D, ...args: unknown[]) {
          if (this.canvas.closest('[role="application"]'))
            (window as unknown as Recorded).__cardSmoothed = this.imageSmoothingEnabled;
          Reflect.apply(draw, this, args);
        });
      }),
    ]);
    page.on('pageerror', (error) => this.problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(message.text());
    });
  }

  /** Dates on this page read as on SPECIMEN_DAY, whatever today is; time still runs. Call before open(). */
  async onSpecimenDay(): Promise<void> {
    await this.page.clock.install({ time: SPECIMEN_DAY });
  }

  async open(): Promise<void> {
    await this.recording;
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Cardlens' })).toBeVisible();
  }

  async useEnglish(): Promise<void> {
    await this.page.getByRole('combobox', { name: /Language|언어/ }).selectOption('en');
  }

  service(name: 'Credit card' | 'ID card' | 'ID card (stand-alone)'): Locator {
    return this.page.getByRole('radio', { name, exact: true });
  }

  async analyseSample(title: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Analyse sample: ${title}`, exact: true })
      .first()
      .click();
  }

  async drop(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    await this.page.getByLabel('Card image files').setInputFiles(files);
  }

  /** Answers the question a drop of images already in the batch asks: send them again. */
  async sendAgain(): Promise<void> {
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Send again' }).click();
  }

  queueItem(name: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: `Open ${name}` }) });
  }

  async waitForDone(name: string, timeout = 30_000): Promise<void> {
    await expect(this.queueItem(name).getByText('Done', { exact: true })).toBeVisible({ timeout });
  }

  /** Waits for the card itself to have failed: an alert elsewhere (the connection panel's, say) may say the same words. */
  async waitForFailed(name: string): Promise<void> {
    await expect(this.queueItem(name).getByText('Failed', { exact: true })).toBeVisible({ timeout: 30_000 });
  }

  cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as Recorded).__cspViolations);
  }

  viewer(): Promise<ViewerProbe | null> {
    return this.page.evaluate(() => window.__cardlens!.viewer());
  }

  async openConnection(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: /^Connection:/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  async connect(options: { endpoint: string; baseUrl?: string; secretKey?: string }): Promise<void> {
    await this.openConnection();
    await this.page.getByLabel('Endpoint').selectOption({ label: options.endpoint });
    if (options.baseUrl !== undefined) await this.page.getByLabel('Base URL').fill(options.baseUrl);
    if (options.secretKey !== undefined) {
      await this.page.getByLabel('App key').fill('sandbox');
      await this.page.getByLabel('Secret key', { exact: true }).fill(options.secretKey);
    }
  }

  /** Opens the app and runs one specimen; returns the viewer once it has settled, for specs that point at the canvas. */
  async showSpecimen(title: string, file: string): Promise<ViewerProbe> {
    await this.open();
    await this.analyseSample(title);
    await this.waitForDone(file);
    return this.settledViewer();
  }

  /**
   * The viewer once its size and drawing have stopped changing (the panels beside it fill in after a
   * card): the probe read the same in three animation frames running, and the canvas's latest frame is
   * a settled one, its photo smoothed, not a frame of a moving view still waiting for the settled one.
   */
  async settledViewer(): Promise<ViewerProbe> {
    const settled = await this.page.waitForFunction(
      (token) => {
        const recorded = window as unknown as Recorded;
        const probe = window.__cardlens!.viewer();
        const now = JSON.stringify(probe);
        const last = recorded.__settling?.token === token ? recorded.__settling : null;
        const still = last && last.before === now ? last.still + 1 : 0;
        recorded.__settling = { token, before: now, still };
        return probe !== null && still >= 2 && recorded.__cardSmoothed !== false && probe;
      },
      ++settles,
      { polling: 'raf', timeout: 30_000 },
    );
    return (await settled.jsonValue()) as ViewerProbe;
  }

  /** Page coordinates of a point given in the canvas's stage pixels, or in image pixels with `view`. */
  async onCanvas(point: { x: number; y: number }, view = { scale: 1, x: 0, y: 0 }): Promise<{ x: number; y: number }> {
    const canvas = this.cardCanvas().locator('canvas').first();
    const box = (await canvas.boundingBox())!;
    return { x: box.x + point.x * view.scale + view.x, y: box.y + point.y * view.scale + view.y };
  }

  /** The viewer's canvas, as a screen reader finds it. */
  cardCanvas(): Locator {
    return this.page.getByRole('application', { name: /card image/i });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  }
}
