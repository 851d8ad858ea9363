// Loads nothing of either engine until asked, so that each engine's first fetch can be recorded alone.
import { createReaderService, startReaderWorker } from '@/reader-service';
import type { Engine, EngineName, ReaderAnchorBench } from './api';

const loaders: Record<EngineName, () => Promise<{ load: (threads: number) => Promise<Engine> }>> = {
  ours: () => import('./ours'),
  anchor: () => import('./anchor'),
};
const engines = new Map<EngineName, Engine>();
const cards = new Map<string, Blob>();

window.readerAnchorBench = {
  async load(name, threads) {
    const start = performance.now();
    const engine = await (await loaders[name]()).load(threads);
    engines.set(name, engine);
    return { ms: performance.now() - start, threads: engine.threads };
  },
  async workerReady() {
    const start = performance.now();
    const answer = await createReaderService(startReaderWorker).warm();
    return { ms: performance.now() - start, answer: answer.kind === 'ready' ? 'ready' : answer.why };
  },
  addCard(id, jpegBase64) {
    const bytes = Uint8Array.from(atob(jpegBase64), (c) => c.charCodeAt(0));
    cards.set(id, new Blob([bytes], { type: 'image/jpeg' }));
  },
  read(name, id) {
    const engine = engines.get(name);
    const card = cards.get(id);
    if (!engine || !card) throw new Error(`No ${engine ? 'card' : 'engine'} ${engine ? id : name}`);
    return engine.read(card);
  },
} satisfies ReaderAnchorBench;
document.title = 'ready';
