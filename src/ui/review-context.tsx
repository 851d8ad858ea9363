import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ViewerField } from '@/model/fields/result-fields';
import type { CardReview, CardVerdict, FieldVerdict } from '@/model/review/review-model';
import { loadKeepPreference, saveKeepPreference } from '@/engine/keep-preference';

// IndexedDB and the schema that checks what it holds load after the first paint, which shows no review.
const reviewStore = () => import('@/engine/review-store');
const keepReviews = (reviews: CardReview[]) => void reviewStore().then((store) => store.keepReviews(reviews));
const forgetReviews = () => void reviewStore().then((store) => store.forgetReviews());

/** The card a verdict is about: its image's hash, never its file's name. */
type ReviewedCard = { sha256: string };

interface ReviewState {
  reviews: Map<string, CardReview>;
  /** Reviews are written to IndexedDB only while this is on; without it nothing about a card is. */
  keepOnDevice: boolean;
  setKeepOnDevice: (keep: boolean) => void;
  setFieldVerdict: (card: ReviewedCard, field: ViewerField, verdict: FieldVerdict, correction?: string) => void;
  setCardVerdict: (card: ReviewedCard, verdict: CardVerdict) => void;
  /** Reviews from a checked session file: written to IndexedDB only with "keep on this device". */
  importReviews: (reviews: CardReview[]) => void;
}

const ReviewContext = createContext<ReviewState | null>(null);

export function ReviewProvider({ children, now = Date.now }: { children: ReactNode; now?: () => number }) {
  const [reviews, setReviews] = useState(() => new Map<string, CardReview>());
  const [keepOnDevice, setKeep] = useState(loadKeepPreference);

  useEffect(() => {
    void reviewStore()
      .then((store) => store.openReviews(loadKeepPreference()))
      .then((stored) =>
        setReviews((current) => {
          const merged = new Map(stored.map((r) => [r.sha256, r]));
          current.forEach((r, sha) => merged.set(sha, r)); // anything reviewed before the load finished wins
          return merged;
        }),
      );
  }, []);

  const update = useCallback(
    (card: ReviewedCard, change: (review: CardReview) => CardReview) => {
      setReviews((current) => {
        const next = new Map(current);
        const review = change(current.get(card.sha256) ?? { sha256: card.sha256, fields: {} });
        next.set(card.sha256, review);
        if (keepOnDevice) keepReviews([review]);
        return next;
      });
    },
    [keepOnDevice],
  );

  const value = useMemo<ReviewState>(
    () => ({
      reviews,
      keepOnDevice,
      setKeepOnDevice: (keep) => {
        setKeep(keep);
        saveKeepPreference(keep);
        if (keep) keepReviews([...reviews.values()]);
        else forgetReviews();
      },
      setFieldVerdict: (card, field, verdict, correction) =>
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
        })),
      setCardVerdict: (card, verdict) => update(card, (review) => ({ ...review, card: { verdict, at: now() } })),
      importReviews: (imported) => {
        setReviews((current) => new Map([...current, ...imported.map((r) => [r.sha256, r] as const)]));
        if (keepOnDevice) keepReviews(imported);
      },
    }),
    [reviews, keepOnDevice, update, now],
  );
  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>;
}

export function useReviews(): ReviewState {
  const value = useContext(ReviewContext);
  if (!value) throw new Error('useReviews needs a ReviewProvider');
  return value;
}
