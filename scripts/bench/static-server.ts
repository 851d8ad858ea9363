import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, relative } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.json': 'application/json',
  // onnxruntime-web compiles its wasm with WebAssembly.instantiateStreaming, which needs this type.
  '.wasm': 'application/wasm',
};

/** Serves a fixed map of URL paths to files or strings on 127.0.0.1 (a secure context for WebCrypto). */
/** Every file under a directory, by its relative path ("/" serves index.html), with `headers` on every answer. */
export async function serveDirectory(
  dir: string,
  headers: Record<string, string> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const routes: Record<string, { file: string }> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    routes[`/${relative(dir, path)}`] = { file: path };
  }
  if (routes['/index.html']) routes['/'] = routes['/index.html'];
  return serveFiles(routes, headers);
}

export async function serveFiles(
  routes: Record<string, { file?: string; body?: string }>,
  headers: Record<string, string> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const load = route.file ? readFile(route.file) : Promise.resolve(Buffer.from(route.body ?? ''));
    load.then(
      (data) =>
        response
          .writeHead(200, { ...headers, 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream' })
          .end(data),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
