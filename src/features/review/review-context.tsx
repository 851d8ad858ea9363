import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ViewerField } from '@/features/fields';
import type { CardReview, CardVerdict, FieldVerdict } from './review-model';
import { loadKeepPreference, saveKeepPreference } from './keep-preference';

// IndexedDB and the schema that checks what it holds load after the first paint, which shows no review.
const reviewStore = () => import('./review-store');
const saveReview = (review: CardReview, keepValues: boolean) =>
  reviewStore().then((store) => store.saveReview(review, keepValues));

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
  /** Reviews from a checked session file: written to IndexedDB only with "keep on this device". */
  importReviews: (reviews: CardReview[]) => void;
}

const ReviewContext = createContext<ReviewState | null>(null);

export function ReviewProvider({ children, now = Date.now }: { children: ReactNode; now?: () => number }) {
  const [reviews, setReviews] = useState(() => new Map<string, CardReview>());
  const [keepOnDevice, setKeep] = useState(loadKeepPreference);
  // Cards whose review came from a session file while keeping was off: held in memory only, and
  // not written (nor what is added to them) until the reviewer opts in to keeping reviews.
  const memoryOnly = useRef(new Set<string>());

  useEffect(() => {
    void reviewStore()
      .then((store) => store.loadReviews())
      .then((stored) =>
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
        if (!memoryOnly.current.has(card.sha256)) void saveReview(review, keepOnDevice);
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
        if (keep) memoryOnly.current.clear();
        reviews.forEach((review, sha) => {
          if (!memoryOnly.current.has(sha)) void saveReview(review, keep); // turning it off removes kept values
        });
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
        for (const review of imported) {
          if (keepOnDevice) {
            memoryOnly.current.delete(review.sha256);
            void saveReview(review, true);
          } else memoryOnly.current.add(review.sha256);
        }
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
