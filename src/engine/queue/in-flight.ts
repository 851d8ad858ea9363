/** A card's request, as the queue holds it while it is in flight. */
export interface Flight {
  signal: AbortSignal;
  /** Whether this is still the card's request: a refusal, a retry or a clear since make it stale. */
  current: () => boolean;
  /** The request has ended: the card has none in flight any more, unless a newer one took its place. */
  end: () => void;
}

/**
 * The requests in flight, one per card. Only a card's latest request may change the card: one let go
 * (`abandon`) is aborted and whatever it answers is ignored, while one cancelled (`abort`) stays the
 * card's, so that its abort ends the card as cancelled.
 */
export function createInFlight() {
  const controllers = new Map<string, AbortController>();
  return {
    begin(id: string): Flight {
      const controller = new AbortController();
      controllers.set(id, controller);
      const current = () => controllers.get(id) === controller;
      return {
        signal: controller.signal,
        current,
        end: () => {
          if (current()) controllers.delete(id);
        },
      };
    },
    abort: (id: string) => controllers.get(id)?.abort(),
    /** Whether the card's request was cancelled and has not ended yet. */
    aborted: (id: string) => controllers.get(id)?.signal.aborted === true,
    abandon(id: string) {
      const controller = controllers.get(id);
      controllers.delete(id);
      controller?.abort();
    },
    abortAll: () => controllers.forEach((controller) => controller.abort()),
  };
}
