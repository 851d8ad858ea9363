import { useEffect, useRef } from 'react';
import type { CardView } from '@/model/card-view/card-view';
import { coverPicture } from '@/model/cover/cover-picture';
import { coverPlan, type PictureSize } from '@/model/cover/cover-plan';

interface Props {
  /** The thumbnail: the card upright, shrunk. */
  src: string;
  /** The card's own upright size, the one its boxes are measured in. */
  natural: PictureSize;
  card: CardView | null;
  width: number;
}

/** A card's thumbnail covered as the card itself is in presentation mode: the same plan, the same routine. */
export function CoveredThumbnail({ src, natural, card, width }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { width: naturalWidth, height: naturalHeight } = natural;
  useEffect(() => {
    let live = true;
    const image = new Image();
    image.src = src;
    image.decode().then(
      () => {
        const target = canvas.current;
        if (!live || !target) return;
        const size = { width: naturalWidth, height: naturalHeight };
        const covered = coverPicture(image, size, coverPlan(card, size));
        target.width = covered.width;
        target.height = covered.height;
        target.getContext('2d')!.drawImage(covered, 0, 0);
      },
      () => undefined, // a thumbnail revoked before it decoded: the row is gone or has a new one
    );
    return () => {
      live = false;
    };
  }, [src, naturalWidth, naturalHeight, card]);
  return <canvas ref={canvas} style={{ width }} aria-hidden="true" />;
}
