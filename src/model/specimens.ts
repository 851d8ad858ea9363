import type { SampleEntry, SampleManifest } from '@/api';
import { lazyResource } from '@/lib/lazy-resource';

// The bundled specimen cards: the gallery shows them, the in-page sandbox answers them from their ground
// truth. A static file, fetched once a page.

export const samplesUrl = (file: string) => `${import.meta.env.BASE_URL}samples/${file}`;

export const specimens = lazyResource(async (): Promise<SampleManifest> => {
  const response = await fetch(samplesUrl('manifest.json'));
  if (!response.ok) throw new Error(`manifest: HTTP ${response.status}`);
  return (await response.json()) as SampleManifest;
});

/** A specimen's image as a file, as if the operator had dropped it. */
export async function specimenFile(entry: SampleEntry): Promise<File> {
  const response = await fetch(samplesUrl(entry.file));
  if (!response.ok) throw new Error(`${entry.file}: HTTP ${response.status}`);
  const type = entry.file.endsWith('.png') ? 'image/png' : 'image/jpeg';
  return new File([await response.blob()], entry.file, { type });
}
