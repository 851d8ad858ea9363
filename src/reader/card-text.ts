// Text and geometry helpers shared by the card parsers: OCR confusions inside digit runs, and boxes
// for a range of a line's characters (the line's quad split by the characters' positions).
import { boundsOf, boundsQuad, quadBounds, quadCentre, quadHeight, type Quad } from '@/lib/quad';
import type { ReadLine } from './types';

// Letters OCR reads for digits. Only applied inside a word that holds digits and no other letters.
const CONFUSIONS: Record<string, string> = {
  O: '0',
  o: '0',
  Q: '0',
  D: '0',
  I: '1',
  l: '1',
  '|': '1',
  i: '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
};

/**
 * The text with confusable letters replaced by digits inside digit runs ("4O11" → "4011",
 * "l234" → "1234"), same length so character indices still match the line's positions.
 * A word needs at least as many digits as letters, or (three characters or more) a line that also
 * holds a run of digits: "VALID" and "BOSS" stay, "4111 SSS6" becomes "4111 5556".
 */
export function digitText(text: string): string {
  const confusable = (word: string) => [...word].every((c) => /\d/.test(c) || c in CONFUSIONS);
  const convert = (word: string) => [...word].map((c) => CONFUSIONS[c] ?? c).join('');
  const digitsIn = (word: string) => [...word].filter((c) => /\d/.test(c)).length;
  const words = text.match(/[0-9A-Za-z|]+/g) ?? [];
  const digitLine = words.some((w) => w.length >= 3 && confusable(w) && digitsIn(w) * 2 >= w.length);
  return text.replace(/[0-9A-Za-z|]+/g, (word) => {
    if (!confusable(word)) return word;
    const digits = digitsIn(word);
    return (digits > 0 && digits * 2 >= word.length) || (digitLine && word.length >= 3) ? convert(word) : word;
  });
}

/**
 * Whether any line holds card-like text: four digits in a row, as a card number's group, or six, as a
 * resident number's first half (and a licence number's middle, and a passport's dates).
 */
export function hasCardLikeText(lines: readonly ReadLine[], service: 'credit-card' | 'id-card'): boolean {
  const run = service === 'credit-card' ? /\d{4}/ : /\d{6}/;
  return lines.some((line) => run.test(digitText(line.text)));
}

/** Where each character sits along the line (0..1): the engine's positions, or evenly spread. */
function positionsOf(line: ReadLine): number[] {
  const n = line.text.length;
  const given = line.charPositions;
  if (given && given.length === n && given.every((p) => Number.isFinite(p))) return given;
  return Array.from({ length: n }, (_, i) => (i + 0.5) / Math.max(n, 1));
}

const clamp01 = (t: number) => Math.min(1, Math.max(0, t));

/** The part of a line's quad that holds characters [start, end), as a quad in image pixels. */
export function subQuad(line: ReadLine, start: number, end: number): Quad {
  const pos = positionsOf(line);
  const steps = pos
    .slice(1)
    .map((p, i) => p - pos[i])
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  const pitch = steps.length ? steps[Math.floor(steps.length / 2)] : 1 / Math.max(pos.length, 1);
  const last = Math.max(start, end - 1);
  const a = start <= 0 ? 0 : clamp01(Math.max(pos[start] - pitch / 2, (pos[start - 1] + pos[start]) / 2));
  const b = last >= pos.length - 1 ? 1 : clamp01(Math.min(pos[last] + pitch / 2, (pos[last] + pos[last + 1]) / 2));
  const q = line.quad;
  const along = (x0: number, y0: number, x1: number, y1: number, t: number) => [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t];
  const [tx1, ty1] = along(q.x1, q.y1, q.x2, q.y2, a);
  const [tx2, ty2] = along(q.x1, q.y1, q.x2, q.y2, b);
  const [bx2, by2] = along(q.x4, q.y4, q.x3, q.y3, b);
  const [bx1, by1] = along(q.x4, q.y4, q.x3, q.y3, a);
  const r = Math.round;
  return { x1: r(tx1), y1: r(ty1), x2: r(tx2), y2: r(ty2), x3: r(bx2), y3: r(by2), x4: r(bx1), y4: r(by1) };
}

/** One axis-aligned quad around several (a field read across two lines). */
export function unionQuad(quads: Quad[]): Quad {
  return quads.length === 1 ? quads[0] : boundsQuad(boundsOf(quads));
}

/** A character of a joined text: which line, which character of it. */
export interface CharAt {
  line: number;
  index: number;
}

/** Box around characters that may come from several lines: one sub-quad per line, then their union. */
export function quadOfChars(lines: ReadLine[], chars: CharAt[]): Quad {
  const byLine = new Map<number, number[]>();
  for (const c of chars) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c.index]);
  return unionQuad(
    [...byLine].map(([line, indices]) => subQuad(lines[line], Math.min(...indices), Math.max(...indices) + 1)),
  );
}

/** The lowest confidence of the lines the characters come from. */
export const confOfChars = (lines: ReadLine[], chars: CharAt[]) =>
  Math.round(Math.min(...chars.map((c) => lines[c.line].conf)) * 100) / 100;

/**
 * Consecutive lines joined by a space into one text (after digitText), with where each character
 * came from (the joining space maps to the next line's first character).
 */
export function joinLines(lines: ReadLine[], from: number, count: number): { text: string; at: CharAt[] } {
  let text = '';
  const at: CharAt[] = [];
  for (let line = from; line < Math.min(lines.length, from + count); line++) {
    if (line > from) {
      text += ' ';
      at.push({ line, index: 0 });
    }
    const t = digitText(lines[line].text);
    text += t;
    for (let index = 0; index < t.length; index++) at.push({ line, index });
  }
  return { text, at };
}

/**
 * The lines in reading order, rows first: a line joins a row when it lies where the row's last line,
 * extended along its own slope, would continue (a tilted card's number split into boxes stays one row).
 */
export function readingOrder(lines: ReadLine[]): ReadLine[] {
  const centre = (l: ReadLine) => quadCentre(l.quad);
  const height = (l: ReadLine) => Math.max(1, (l.quad.y4 - l.quad.y1 + l.quad.y3 - l.quad.y2) / 2);
  const slope = (l: ReadLine) => (l.quad.y2 - l.quad.y1) / Math.max(1, l.quad.x2 - l.quad.x1);
  const rows: ReadLine[][] = [];
  for (const line of [...lines].sort((a, b) => centre(a).y - centre(b).y)) {
    const c = centre(line);
    const row = rows.find((r) =>
      r.some((other) => {
        const o = centre(other);
        const expected = o.y + slope(other) * (c.x - o.x);
        return Math.abs(expected - c.y) < 0.5 * Math.min(height(other), height(line));
      }),
    );
    if (row) row.push(line);
    else rows.push([line]);
  }
  return rows.flatMap((row) => row.sort((a, b) => centre(a).x - centre(b).x));
}

/** Whether `q` starts where `anchor` starts, as a card's fields in one column do: within 3 of the anchor's line heights. */
export const startsUnder = (q: Quad, anchor: Quad): boolean =>
  Math.abs(quadBounds(q).left - quadBounds(anchor).left) < 3 * Math.max(1, quadHeight(anchor));
