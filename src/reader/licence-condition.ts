// A driver's licence's condition (조건): the letters A–I of the conditions it is held under (A for an
// automatic gearbox, D for a hearing aid…), printed after the label between the address and the issue date.
import { quadBounds, quadCentre, quadHeight, type Quad } from '@/lib/quad';
import { startsUnder, subQuad } from './card-text';
import type { ReadLine } from './types';

export interface ConditionRead {
  value: string;
  conf: number;
  bbox: Quad;
}

/** The label read as a few non-Latin characters or not at all, then one or more condition letters. */
const CONDITION = /^[^\x20-\x7e]{0,4}\s*([A-I](?:\s*[,.]\s*[A-I])*)\s*$/u;
/** Below this the line is no evidence of a condition: a stray letter of a watermark reads lower. */
const MIN_CONF = 0.8;

/**
 * The condition line between the resident number's row and the issue date's row, starting where the
 * resident number starts, or null: a licence printed with no condition, or one this reader missed.
 */
export function licenceCondition(lines: readonly ReadLine[], resident: Quad, issued: Quad): ConditionRead | null {
  const h = Math.max(1, quadHeight(resident));
  const top = quadBounds(resident).bottom;
  const bottom = quadBounds(issued).top;
  for (const line of lines) {
    const { quad } = line;
    const middle = quadCentre(quad).y;
    if (middle <= top || middle >= bottom || !startsUnder(quad, resident)) continue;
    // Printed about as large as the resident number: a stroke of a frame or a hologram is not.
    const size = quadHeight(quad) / h;
    if (size < 0.6 || size > 1.6) continue;
    const match = CONDITION.exec(line.text);
    if (!match || line.conf < MIN_CONF) continue;
    const start = line.text.indexOf(match[1]);
    return {
      value: [...match[1].matchAll(/[A-I]/g)].map((m) => m[0]).join(','),
      conf: Math.round(line.conf * 100) / 100,
      bbox: subQuad(line, start, start + match[1].length),
    };
  }
  return null;
}
