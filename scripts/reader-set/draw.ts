// Runs inside Chromium (page.evaluate): draws a CardSpec on an OffscreenCanvas, tilted on a table, then
// blurs, adds noise and encodes a JPEG. Self-contained: nothing outside this function exists there.
import type { Quad } from '../../src/lib/quad';
import type { CardSpec } from './layout';

// Types only: erased before the function reaches the page.
export type { Quad } from '../../src/lib/quad';

export interface Drawn {
  jpegBase64: string;
  width: number;
  height: number;
  /** Each field's text box in image pixels, clockwise from the top-left of the text. */
  boxes: Record<string, Quad>;
}

export async function drawInPage(spec: CardSpec): Promise<Drawn> {
  const fontOf = (it: CardSpec['items'][number]) => `${it.bold ? 'bold ' : ''}${it.size}px "${it.font}", sans-serif`;
  await Promise.all(spec.items.map((it) => document.fonts.load(fontOf(it), it.text)));
  let state = (spec.seed ^ 0x9e3779b9) >>> 0;
  const rnd = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const { card, scene } = spec;
  const canvas = new OffscreenCanvas(scene.width, scene.height);
  const ctx = canvas.getContext('2d')!;

  // The table: a gradient with a little texture.
  const table = ctx.createLinearGradient(0, 0, scene.width * rnd(), scene.height);
  table.addColorStop(0, scene.colors[0]);
  table.addColorStop(1, scene.colors[1]);
  ctx.fillStyle = table;
  ctx.fillRect(0, 0, scene.width, scene.height);
  for (let i = 0; i < 40; i++) {
    ctx.fillStyle = `rgba(${rnd() < 0.5 ? '255,255,255' : '0,0,0'},0.04)`;
    ctx.fillRect(rnd() * scene.width, rnd() * scene.height, rnd() * 200, rnd() * 6 + 1);
  }

  // The card, rotated about its centre.
  const cx = scene.width / 2 + scene.dx;
  const cy = scene.height / 2 + scene.dy;
  const angle = (scene.tiltDeg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const toImage = (x: number, y: number) => {
    const [u, v] = [x - card.width / 2, y - card.height / 2];
    return [Math.round(cx + u * cos - v * sin), Math.round(cy + u * sin + v * cos)];
  };
  ctx.save();
  ctx.translate(cx, cy);
  ctx.rotate(angle);
  ctx.translate(-card.width / 2, -card.height / 2);
  const radius = card.height * 0.06;
  ctx.shadowColor = 'rgba(0,0,0,0.4)';
  ctx.shadowBlur = 16;
  ctx.shadowOffsetY = 5;
  const fill = ctx.createLinearGradient(0, card.height * rnd(), card.width, card.height * rnd());
  card.colors.forEach((c, i) => fill.addColorStop(i / Math.max(1, card.colors.length - 1), c));
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.roundRect(0, 0, card.width, card.height, radius);
  ctx.fill();
  ctx.shadowColor = 'transparent';
  ctx.clip();

  // A background pattern, faint enough to keep the text readable.
  ctx.globalAlpha = 0.12;
  ctx.strokeStyle = ctx.fillStyle = rnd() < 0.5 ? '#ffffff' : '#000000';
  ctx.lineWidth = 2 + rnd() * 6;
  if (card.pattern === 'stripes')
    for (let x = -card.height; x < card.width; x += 18 + rnd() * 30) {
      ctx.beginPath();
      ctx.moveTo(x, card.height);
      ctx.lineTo(x + card.height, 0);
      ctx.stroke();
    }
  else if (card.pattern === 'waves')
    for (let k = 0; k < 8; k++) {
      ctx.beginPath();
      const base = rnd() * card.height;
      for (let x = 0; x <= card.width; x += 8) ctx.lineTo(x, base + Math.sin(x / (30 + k * 9)) * (10 + k * 3));
      ctx.stroke();
    }
  else if (card.pattern === 'dots')
    for (let i = 0; i < 300; i++) {
      ctx.beginPath();
      ctx.arc(rnd() * card.width, rnd() * card.height, 1 + rnd() * 3, 0, Math.PI * 2);
      ctx.fill();
    }
  else if (card.pattern === 'circles')
    for (let i = 0; i < 4; i++) {
      ctx.beginPath();
      ctx.arc(rnd() * card.width, rnd() * card.height, card.height * (0.3 + rnd() * 0.6), 0, Math.PI * 2);
      ctx.fill();
    }
  ctx.globalAlpha = 1;
  if (spec.chip) {
    ctx.fillStyle = '#c9a94a';
    ctx.beginPath();
    ctx.roundRect(card.width * 0.09, card.height * 0.3, card.width * 0.11, card.height * 0.15, 6);
    ctx.fill();
    ctx.strokeStyle = '#8c7232';
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  if (spec.photo) {
    ctx.fillStyle = 'rgba(120,130,150,0.35)';
    ctx.fillRect(card.width * 0.76, card.height * 0.3, card.width * 0.19, card.height * 0.4);
  }

  // The text; each field's box from the same metrics it was drawn with.
  const boxes: Record<string, Quad> = {};
  let previousEnd = 0;
  for (const it of spec.items) {
    ctx.font = fontOf(it);
    ctx.letterSpacing = `${it.spacing}px`;
    const x = it.after !== undefined ? previousEnd + it.after : it.x;
    const m = ctx.measureText(it.text);
    // letterSpacing adds space after the last character too: the box ends at the glyph.
    const right = x + m.width - it.spacing;
    previousEnd = right;
    if (it.embossed) {
      ctx.fillStyle = 'rgba(0,0,0,0.55)';
      ctx.fillText(it.text, x + 1.5, it.y + 1.5);
      ctx.fillStyle = 'rgba(255,255,255,0.45)';
      ctx.fillText(it.text, x - 1, it.y - 1);
    }
    ctx.fillStyle = it.color;
    ctx.fillText(it.text, x, it.y);
    if (it.field) {
      const [top, bottom] = [it.y - m.actualBoundingBoxAscent, it.y + m.actualBoundingBoxDescent];
      const [l, r] = [x - m.actualBoundingBoxLeft, Math.max(right, x + m.actualBoundingBoxRight - it.spacing)];
      const [p1, p2, p3, p4] = [toImage(l, top), toImage(r, top), toImage(r, bottom), toImage(l, bottom)];
      boxes[it.field] = { x1: p1[0], y1: p1[1], x2: p2[0], y2: p2[1], x3: p3[0], y3: p3[1], x4: p4[0], y4: p4[1] };
    }
  }
  ctx.restore();

  // Uneven light: a soft bright patch.
  const glow = ctx.createRadialGradient(
    rnd() * scene.width,
    rnd() * scene.height,
    0,
    scene.width / 2,
    scene.height / 2,
    scene.width,
  );
  glow.addColorStop(0, `rgba(255,255,240,${spec.light})`);
  glow.addColorStop(1, 'rgba(255,255,240,0)');
  ctx.fillStyle = glow;
  ctx.fillRect(0, 0, scene.width, scene.height);

  // Blur, then sensor noise.
  const out = new OffscreenCanvas(scene.width, scene.height);
  const octx = out.getContext('2d')!;
  octx.filter = spec.blur > 0 ? `blur(${spec.blur.toFixed(2)}px)` : 'none';
  octx.drawImage(canvas, 0, 0);
  octx.filter = 'none';
  if (spec.noise > 0) {
    const image = octx.getImageData(0, 0, scene.width, scene.height);
    const d = image.data;
    for (let i = 0; i < d.length; i += 4) {
      const n = (rnd() + rnd() + rnd() - 1.5) * 2 * spec.noise;
      d[i] += n;
      d[i + 1] += n + (rnd() - 0.5) * spec.noise;
      d[i + 2] += n;
    }
    octx.putImageData(image, 0, 0);
  }
  const blob = await out.convertToBlob({ type: 'image/jpeg', quality: spec.jpegQuality });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { jpegBase64: btoa(binary), width: scene.width, height: scene.height, boxes };
}
