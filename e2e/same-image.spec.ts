import { expect, test } from '@playwright/test';
import { CardlensPage, manifest, sampleBytes } from './support/cardlens-page';

// Each send to NHN Cloud is billed: an image already in the batch is sent again only when the operator says so.

const png = (name: string, file = name) => ({ name, mimeType: 'image/png', buffer: sampleBytes(file) });

test('a drop holding images already in the batch asks once, and sends only what the operator chose', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.drop([png('credit-card.png'), png('credit-card-angled.png'), png('credit-card-hires.png')]);
  for (const name of ['credit-card.png', 'credit-card-angled.png', 'credit-card-hires.png'])
    await app.waitForDone(name);
  const rows = page.getByRole('button', { name: /^Open / });
  await expect(rows).toHaveCount(3);

  const again = [
    png('card again.png', 'credit-card.png'),
    png('credit-card-angled.png'),
    png('credit-card-low-res.png'),
  ];
  await app.drop(again);
  const dialog = page.getByRole('alertdialog', { name: 'Send these images again?' });
  await expect(dialog).toContainText(
    '2 of these 3 images are already in this batch. Send them again? Each send on NHN Cloud is billed.',
  );
  await page.keyboard.press('Escape'); // the safe choice: nothing of the drop is sent
  await expect(dialog).toHaveCount(0);
  await expect(rows).toHaveCount(3);

  await app.drop(again);
  await dialog.getByRole('button', { name: 'Skip the repeats' }).click();
  await app.waitForDone('credit-card-low-res.png');
  await expect(rows).toHaveCount(4);

  // A specimen tapped again is the same image too.
  await app.analyseSample(manifestTitle('credit-card.png'));
  await expect(dialog).toContainText('This image is already in this batch. Send it again?');
  await dialog.getByRole('button', { name: 'Send again' }).click();
  await expect(rows).toHaveCount(5);
  expect(app.problems).toEqual([]);
});

test('the rows of a new drop are brought into view below a long queue', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 700 });
  const app = new CardlensPage(page);
  await app.open();
  // Thirty files refused at once (not images) fill the queue beyond the screen.
  const notImages = Array.from({ length: 30 }, (_, i) => ({
    name: `note-${i + 1}.png`,
    mimeType: 'image/png',
    buffer: Buffer.from(`not an image ${i}`),
  }));
  await app.drop(notImages);
  const queue = page.getByRole('list', { name: 'Queue' });
  await expect(queue.getByText('Not sent', { exact: true })).toHaveCount(30);
  await app.drop([png('credit-card.png')]);
  await expect(app.queueItem('credit-card.png')).toBeInViewport();
});

function manifestTitle(file: string): string {
  return manifest.samples.find((s) => s.file === file)!.title.en;
}
