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

/** The sandbox itself, or a stand-in for it in a worker, which may take a form body separately. */
export interface SandboxTarget {
  fetch(request: Request, form?: FormData): Promise<Response>;
  takesForms?: boolean;
}

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/**
 * The sandbox as a `fetch`: it honours the request's AbortSignal as a real fetch does, and with
 * `crossOrigin` (the default) hides the response headers that CORS does not expose, as a browser
 * on another origin would. The app's in-browser connection uses this, so a Request-Key hidden by
 * a missing expose header is hidden here too.
 */
export function sandboxFetch(sandbox: SandboxTarget, { crossOrigin = true } = {}): typeof fetch {
  return async (input, init) => {
    // A target across a thread takes a multipart body as its parts: encoding it into one buffer
    // here, only for the worker to parse it again, cost the page a few milliseconds per card.
    const form = sandbox.takesForms && init?.body instanceof FormData ? init.body : undefined;
    const request = new Request(input, form ? { ...init, body: null } : init);
    if (request.signal.aborted) throw abortError();
    const response = await Promise.race([
      sandbox.fetch(request, form),
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
