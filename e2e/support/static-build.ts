import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
};

export interface StaticBuild {
  url: string;
  /** The copy being served, to change between visits (a new deploy). */
  dir: string;
  close(): Promise<void>;
}

/** A copy of a build served on 127.0.0.1, revalidated on every visit as deploy/nginx.conf has it. */
export async function serveCopyOf(build: string): Promise<StaticBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'cardlens-build-'));
  await cp(build, dir, { recursive: true });
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    // The app's own routes have no extension: they are the app.
    const file = path === '/' || !extname(path) ? 'index.html' : path;
    readFile(join(dir, file)).then(
      (body) =>
        response
          .writeHead(200, {
            'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
            'Cache-Control': 'no-cache',
          })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dir,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
