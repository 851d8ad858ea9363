import type { Sandbox } from './sandbox';

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

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/**
 * The sandbox as a `fetch`: it honours the request's AbortSignal as a real fetch does, and with
 * `crossOrigin` (the default) hides the response headers that CORS does not expose, as a browser
 * on another origin would. The app's in-browser connection uses this, so a Request-Key hidden by
 * a missing expose header is hidden here too.
 */
export function sandboxFetch(sandbox: Pick<Sandbox, 'fetch'>, { crossOrigin = true } = {}): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.signal.aborted) throw abortError();
    const response = await Promise.race([
      sandbox.fetch(request),
      new Promise<never>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(abortError()), { once: true }),
      ),
    ]);
    if (!crossOrigin) return response;
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
