import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Cardlens, CardlensState } from '@/engine/cardlens';

// React's side of the engine: screens read its state through selectors and change it through its
// commands. A selector returns a piece of the state as it is (a field, a card), never a new object, so
// a screen renders again only when that piece changes.

const CardlensContext = createContext<Cardlens | null>(null);

export function CardlensProvider({ engine, children }: { engine: Cardlens; children: ReactNode }) {
  return <CardlensContext.Provider value={engine}>{children}</CardlensContext.Provider>;
}

export function useCardlens(): Cardlens {
  const engine = useContext(CardlensContext);
  if (!engine) throw new Error('useCardlens needs a CardlensProvider');
  return engine;
}

export function useCardlensState<T>(select: (state: CardlensState) => T): T {
  const engine = useCardlens();
  return useSyncExternalStore(engine.subscribe, () => select(engine.getState()));
}
