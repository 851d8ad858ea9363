import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ViewerField } from '@/features/fields';
import type { CardReview, CardVerdict, FieldVerdict } from './review-model';
import { loadKeepPreference, loadReviews, saveKeepPreference, saveReview } from './review-store';

interface ReviewState {
  reviews: Map<string, CardReview>;
  keepOnDevice: boolean;
  setKeepOnDevice: (keep: boolean) => void;
  setFieldVerdict: (
    card: { sha256: string; file: string },
    field: ViewerField,
    verdict: FieldVerdict,
    correction?: string,
  ) => void;
  setCardVerdict: (card: { sha256: string; file: string }, verdict: CardVerdict) => void;
  importReviews: (reviews: CardReview[]) => void;
}

const ReviewContext = createContext<ReviewState | null>(null);

export function ReviewProvider({ children, now = Date.now }: { children: ReactNode; now?: () => number }) {
  const [reviews, setReviews] = useState(() => new Map<string, CardReview>());
  const [keepOnDevice, setKeep] = useState(loadKeepPreference);

  useEffect(() => {
    void loadReviews().then((stored) =>
      setReviews((current) => {
        const merged = new Map(stored.map((r) => [r.sha256, r]));
        current.forEach((r, sha) => merged.set(sha, r)); // anything reviewed before the load finished wins
        return merged;
      }),
    );
  }, []);

  const update = useCallback(
    (card: { sha256: string; file: string }, change: (review: CardReview) => CardReview) => {
      setReviews((current) => {
        const next = new Map(current);
        const review = change(current.get(card.sha256) ?? { sha256: card.sha256, file: card.file, fields: {} });
        next.set(card.sha256, review);
        void saveReview(review, keepOnDevice);
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
        reviews.forEach((review) => void saveReview(review, keep)); // turning it off removes kept values
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
      importReviews: (imported) => imported.forEach((review) => update(review, () => review)),
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
