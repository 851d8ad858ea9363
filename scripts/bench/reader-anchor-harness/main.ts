// Loads nothing of either engine until asked, so that each engine's first fetch can be recorded alone.
import { createReaderService, startReaderWorker } from '@/reader-service';
import type { Engine, EngineName, LoadedName, ReaderAnchorBench } from './api';

const loaders: Record<EngineName, () => Promise<{ load: (threads: number) => Promise<Engine> }>> = {
  ours: () => import('./ours'),
  anchor: () => import('./anchor'),
};
const engines = new Map<LoadedName, Engine>();
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
    const ms = performance.now() - start;
    return answer.kind === 'ready' ? { ms, answer: 'ready', backend: answer.backend } : { ms, answer: answer.why };
  },
  async loadOnGpu(threads) {
    type Adapter = { info?: { isFallbackAdapter?: boolean } };
    const gpu = (navigator as { gpu?: { requestAdapter(): Promise<Adapter | null> } }).gpu;
    const found = await gpu?.requestAdapter();
    const adapter = !found ? 'none' : found.info?.isFallbackAdapter ? 'software' : 'hardware';
    if (adapter === 'none') return { adapter, ms: 0 };
    const start = performance.now();
    engines.set('ours-webgpu', await (await import('./ours-webgpu')).load(threads));
    return { adapter, ms: performance.now() - start };
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
