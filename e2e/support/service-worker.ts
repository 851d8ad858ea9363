import type { Page } from '@playwright/test';

/** The headers that carry a secret: no cached request may have one. */
export const CREDENTIAL_HEADERS = ['authorization', 'x-nhn-authorization', 'symmetric-key'];

/** On the first visit the service worker takes the page over as soon as it has precached the app. */
export async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
    timeout: 30_000,
  });
}

export interface Cached {
  cache: string;
  url: string;
  headers: string[];
}

/** Every request held in the page's origin's caches, with the names of the headers it was stored with. */
export function cachedRequests(page: Page): Promise<Cached[]> {
  return page.evaluate(async () => {
    const found: Cached[] = [];
    for (const cache of await caches.keys())
      for (const request of await (await caches.open(cache)).keys())
        found.push({ cache, url: request.url, headers: [...request.headers.keys()] });
    return found;
  });
}

/** Cached requests that go anywhere but the page's own origin, or to an OCR path on it. */
export function ocrRequests(cached: Cached[], pageUrl: string): Cached[] {
  const origin = new URL(pageUrl).origin;
  return cached.filter(({ url }) => {
    const { origin: to, hostname, pathname } = new URL(url);
    return to !== origin || /nhncloudservice\.com$/.test(hostname) || pathname.startsWith('/nhn-ocr');
  });
}

export const withCredentials = (cached: Cached[]) =>
  cached.filter((r) => r.headers.some((name) => CREDENTIAL_HEADERS.includes(name)));
