// Runs inside Chromium (page.evaluate): draws a card and measures the box of every field from the
// same text metrics it drew with. Must be self-contained: nothing outside this function exists there.
import type { CardDrawing } from './specimens';

export type Rect = [left: number, top: number, right: number, bottom: number];

export interface DrawnCard {
  pngDataUrl: string;
  fields: Record<string, Rect>;
  extras: Rect[];
}

export async function drawCardInPage(args: {
  card: CardDrawing;
  scale: number;
  jpegRotated?: boolean;
}): Promise<DrawnCard & { jpegRotatedDataUrl?: string }> {
  const { card, scale } = args;
  const SANS = '"Noto Sans CJK KR", "Noto Sans", sans-serif';
  const MONO = '"DejaVu Sans Mono", "Noto Sans Mono CJK KR", monospace';
  await Promise.all([
    document.fonts.load(`40px ${SANS}`, '가나다ABC'),
    document.fonts.load(`bold 40px ${SANS}`, '가나다ABC'),
    document.fonts.load(`40px ${MONO}`, '0123'),
  ]);

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(card.width * scale);
  canvas.height = Math.round(card.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);

  const gradient = ctx.createLinearGradient(0, 0, card.width, card.height);
  gradient.addColorStop(0, card.background[0]);
  gradient.addColorStop(1, card.background[1]);
  ctx.fillStyle = gradient;
  ctx.beginPath();
  ctx.roundRect(0, 0, card.width, card.height, 28);
  ctx.fill();

  const fields: Record<string, Rect> = {};
  const extras: Rect[] = [];
  const PAD = 4;
  const toImage = (l: number, t: number, r: number, b: number): Rect => [
    Math.floor((l - PAD) * scale),
    Math.floor((t - PAD) * scale),
    Math.ceil((r + PAD) * scale),
    Math.ceil((b + PAD) * scale),
  ];

  for (const item of card.items) {
    if (item.kind === 'rect') {
      ctx.fillStyle = item.fill;
      ctx.beginPath();
      ctx.roundRect(item.x, item.y, item.w, item.h, item.radius ?? 0);
      ctx.fill();
      if (item.extra) extras.push(toImage(item.x + PAD, item.y + PAD, item.x + item.w - PAD, item.y + item.h - PAD));
      continue;
    }
    ctx.font = `${item.bold ? 'bold ' : ''}${item.size}px ${item.mono ? MONO : SANS}`;
    ctx.fillStyle = item.color ?? '#111111';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(item.text, item.x, item.y);
    const m = ctx.measureText(item.text);
    const rect = toImage(
      item.x - m.actualBoundingBoxLeft,
      item.y - m.actualBoundingBoxAscent,
      item.x + m.actualBoundingBoxRight,
      item.y + m.actualBoundingBoxDescent,
    );
    if (item.field) fields[item.field] = rect;
    if (item.extra) extras.push(rect);
  }

  // The specimen mark, over everything and not a field.
  ctx.save();
  ctx.translate(card.width / 2, card.height / 2);
  ctx.rotate(-0.3);
  ctx.font = `bold 92px ${SANS}`;
  ctx.textAlign = 'center';
  ctx.fillStyle = 'rgba(220, 38, 38, 0.28)';
  ctx.fillText('SPECIMEN · 견본', 0, 30);
  ctx.restore();

  const result: DrawnCard & { jpegRotatedDataUrl?: string } = {
    pngDataUrl: canvas.toDataURL('image/png'),
    fields,
    extras,
  };
  if (args.jpegRotated) {
    // Stored pixels turned 90° counter-clockwise: EXIF orientation 6 turns them upright again.
    const stored = document.createElement('canvas');
    stored.width = canvas.height;
    stored.height = canvas.width;
    const sctx = stored.getContext('2d')!;
    sctx.translate(0, canvas.width);
    sctx.rotate(-Math.PI / 2);
    sctx.drawImage(canvas, 0, 0);
    result.jpegRotatedDataUrl = stored.toDataURL('image/jpeg', 0.9);
  }
  return result;
}
