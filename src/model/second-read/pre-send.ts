import type { AnalysisKind, Localised } from '@/api';
import type { DeviceRead } from '@/reader-service';
import { bilingual } from '@/model/text/messages';
import { fillIn } from '@/model/text/fill-in';
import type { PhotoQuality } from './photo-quality';

/**
 * Hold the card, send it with a caution, or send it (null); and the photo's predicted quality, kept with the
 * card whatever the verdict and shown as a caution is. A quality warning never holds a card by itself.
 */
export type PreSendOutcome = { hold?: Localised; caution?: Localised; quality?: PhotoQuality } | null;

const filled = (text: Localised, vars: Record<string, string>): Localised => ({
  en: fillIn(text.en, vars),
  ko: fillIn(text.ko, vars),
});

/**
 * The check before sending, from the device's reading of the photo: with no card-like text it is held,
 * saying what was looked for. When the device could not tell (no reader, or an image it could not
 * decode although the page did), nothing is held: the card goes with a caution saying so.
 */
export function preSendOutcome(read: DeviceRead, kind: AnalysisKind, quality?: PhotoQuality): PreSendOutcome {
  const verdict = readVerdict(read, kind);
  return quality ? { ...verdict, quality } : verdict;
}

function readVerdict(read: DeviceRead, kind: AnalysisKind): PreSendOutcome {
  if (read.kind === 'read' || (read.kind === 'nothing' && read.cardLike === true)) return null;
  if (read.kind === 'unavailable' || read.cardLike === null) {
    const why = read.kind === 'unavailable' ? read.why : read.lookedFor;
    return { caution: filled(bilingual('preSendUnavailable'), { why }) };
  }
  return { hold: kind === 'credit-card' ? bilingual('heldNoCardTextCredit') : bilingual('heldNoCardTextId') };
}
