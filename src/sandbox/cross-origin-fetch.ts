import type { Sandbox } from './sandbox';

/**
 * The sandbox as a browser on another origin sees it: response headers that CORS does not expose
 * are hidden, as they would be from a real cross-origin service. The app's in-browser connection
 * uses this, so a Request-Key hidden by a missing expose header is hidden here too.
 */
export function crossOriginFetch(sandbox: Sandbox): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.signal.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const response = await Promise.race([
      sandbox.fetch(request),
      new Promise<never>((_, reject) =>
        request.signal.addEventListener(
          'abort',
          () => reject(new DOMException('The operation was aborted.', 'AbortError')),
          { once: true },
        ),
      ),
    ]);
    const exposed = new Set(
      (response.headers.get('Access-Control-Expose-Headers') ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean),
    );
    const headers = new Headers();
    response.headers.forEach((value, name) => {
      if (CORS_SAFELISTED.has(name) || exposed.has(name)) headers.set(name, value);
    });
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

// Response headers a cross-origin script may always read (Fetch standard, "CORS-safelisted response-header name").
const CORS_SAFELISTED = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);
