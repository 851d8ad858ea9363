import { useI18n } from '@/ui/i18n';
import type { MessageKey } from '@/model/text/messages';
import { disagrees, wasRead, type SecondRead, type UnreadReason } from '@/model/second-read/second-read-types';

const UNREAD: Record<UnreadReason, MessageKey> = {
  'no-fields': 'secondReadNoFields',
  'file-changed': 'secondReadFileChanged',
  'file-gone': 'secondReadFileGone',
  'not-decoded': 'secondReadNotDecoded',
  'reader-unavailable': 'secondReadUnavailable',
  'read-on-device': 'secondReadOwnAnswer',
};

/** What the second read made of this card: reading, agreeing, disagreeing, or why there is none. */
export function SecondReadNote({ read }: { read: SecondRead | undefined }) {
  const { t } = useI18n();
  if (!read) return null;
  let text: string;
  let disagreeing = false;
  if (read.status === 'reading') text = t('secondReadReading');
  else if (read.status === 'unread') text = `${t(UNREAD[read.reason])}${read.detail ? ` (${read.detail})` : ''}`;
  else {
    const made = read.fields.filter(wasRead);
    const differing = made.filter(disagrees).length;
    const unmade = read.fields.length - made.length;
    disagreeing = differing > 0;
    text =
      made.length === 0
        ? t('secondReadNothingMade')
        : differing > 0
          ? t('secondReadDisagrees', { n: differing, total: made.length })
          : t('secondReadAgrees', { n: made.length });
    if (unmade > 0) text += ` ${t('secondReadUnmade', { n: unmade })}`;
  }
  // One live region throughout, so the outcome of a read is announced where "Reading…" was.
  return (
    <p className={`second-read ${disagreeing ? 'notice notice-error' : 'hint'}`} role="status">
      {text}
    </p>
  );
}
