import type { PhotoQuality } from '@/model/second-read/photo-quality';
import { qualityMessage } from '@/model/second-read/photo-quality';
import { useI18n } from './i18n';

/**
 * A photo's predicted quality in words: `sentence` says what was found (null for a fine photo, or none
 * checked), `short` lists the hints alone ("no problem seen" for a fine photo).
 */
export function useQualityText() {
  const { t } = useI18n();
  function parts(quality: PhotoQuality): { hints: string } | { notChecked: string } | null {
    const message = qualityMessage(quality);
    if (!message) return null;
    if (message.key === 'qualityNotChecked') return { notChecked: t(message.key, { why: t(message.why) }) };
    return { hints: message.hints.map((hint) => t(hint)).join(', ') };
  }
  return {
    sentence(quality: PhotoQuality | undefined): string | null {
      const said = quality && parts(quality);
      if (!said) return null;
      return 'hints' in said ? t('qualityCaution', { hints: said.hints }) : said.notChecked;
    },
    short(quality: PhotoQuality): string {
      const said = parts(quality);
      return !said ? t('qualityFine') : 'hints' in said ? said.hints : said.notChecked;
    },
  };
}

/** The predicted quality of a card's photo, shown as a caution is; nothing for a fine photo or none checked. */
export function QualityNote({ quality }: { quality: PhotoQuality | undefined }) {
  const text = useQualityText().sentence(quality);
  return text && <p className="hint caution">⚠ {text}</p>;
}
