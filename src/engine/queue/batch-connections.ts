import { inProgress, type QueueItem } from './queue-item';

/** Not yet in flight: its connection may still change. */
const waiting = (item: QueueItem) => inProgress(item.status) && item.status !== 'working';

/**
 * The connection each card is sent through: the one its batch started with, unless the operator moved
 * the cards still waiting to a newer one. A retry takes the connection in use at the time.
 */
export function createBatchConnections<C>() {
  const connections = new Map<string, C>();
  return {
    of: (id: string) => connections.get(id) as C,
    set: (id: string, connection: C) => void connections.set(id, connection),
    forget: (id: string) => void connections.delete(id),
    /** How many cards not yet in flight still use a connection other than `connection`. */
    waitingElsewhere: (items: readonly QueueItem[], connection: C) =>
      items.filter((item) => waiting(item) && connections.get(item.id) !== connection).length,
    /** Sends every card not yet in flight through `connection` instead. */
    moveWaitingTo: (items: readonly QueueItem[], connection: C) =>
      items.filter(waiting).forEach((item) => connections.set(item.id, connection)),
  };
}
