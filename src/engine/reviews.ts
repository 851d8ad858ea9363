import type { CardReview, CardVerdict, FieldVerdict } from '@/model/review/review-model';

/** The card a verdict is about: its image's hash, never its file's name. */
export interface ReviewedCard {
  sha256: string;
}

/** What a verdict records of the field it is about: not its value. */
export interface ReviewedField {
  id: string;
  key: string;
  conf: number | null;
}

/** Where kept reviews live (IndexedDB in the browser). Only called while the reviewer keeps reviews. */
export interface ReviewStorage {
  /** The kept reviews when `keep`; otherwise none, and whatever was kept is deleted. */
  open: (keep: boolean) => Promise<CardReview[]>;
  keep: (reviews: readonly CardReview[]) => Promise<void>;
  forget: () => Promise<void>;
}

export interface ReviewState {
  reviews: ReadonlyMap<string, CardReview>;
  /** Reviews are written to the device only while this is on; without it nothing about a card is. */
  keepOnDevice: boolean;
}

/**
 * The reviewer's verdicts, by image hash. They live in memory; with "keep on this device" they are
 * written through to `storage` too, and turning it off deletes what was kept.
 */
export function createReviews(options: {
  storage: ReviewStorage;
  keepOnDevice: boolean;
  onKeepChange: (keep: boolean) => void;
  now: () => number;
  onChange: () => void;
}) {
  const { storage, now, onChange } = options;
  let state: ReviewState = { reviews: new Map(), keepOnDevice: options.keepOnDevice };
  const set = (next: Partial<ReviewState>) => {
    state = { ...state, ...next };
    onChange();
  };

  void storage.open(state.keepOnDevice).then((stored) => {
    const merged = new Map(stored.map((r) => [r.sha256, r]));
    state.reviews.forEach((r, sha) => merged.set(sha, r)); // anything reviewed before the load finished wins
    set({ reviews: merged });
  });

  function update(card: ReviewedCard, change: (review: CardReview) => CardReview) {
    const review = change(state.reviews.get(card.sha256) ?? { sha256: card.sha256, fields: {} });
    set({ reviews: new Map(state.reviews).set(card.sha256, review) });
    if (state.keepOnDevice) void storage.keep([review]);
  }

  return {
    state: () => state,
    setKeepOnDevice: (keep: boolean) => {
      set({ keepOnDevice: keep });
      options.onKeepChange(keep);
      if (keep) void storage.keep([...state.reviews.values()]);
      else void storage.forget();
    },
    setFieldVerdict: (card: ReviewedCard, field: ReviewedField, verdict: FieldVerdict, correction?: string) => {
      update(card, (review) => ({
        ...review,
        fields: {
          ...review.fields,
          [field.id]: {
            verdict,
            key: field.key,
            conf: field.conf,
            at: now(),
            ...(correction !== undefined ? { correction } : {}),
          },
        },
      }));
    },
    setCardVerdict: (card: ReviewedCard, verdict: CardVerdict) => {
      update(card, (review) => ({ ...review, card: { verdict, at: now() } }));
    },
    /** Reviews from a checked session file: written to the device only with "keep on this device". */
    importReviews: (imported: readonly CardReview[]) => {
      set({ reviews: new Map([...state.reviews, ...imported.map((r) => [r.sha256, r] as const)]) });
      if (state.keepOnDevice) void storage.keep(imported);
    },
  };
}
