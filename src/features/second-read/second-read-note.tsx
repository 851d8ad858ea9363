import { useI18n } from '@/features/shared';
import { disagrees, type SecondRead } from './second-read-types';

/** What the second read made of this card: reading, agreeing, disagreeing, or why there is none. */
export function SecondReadNote({ read }: { read: SecondRead | undefined }) {
  const { t } = useI18n();
  if (!read) return null;
  if (read.status === 'reading')
    return (
      <p className="hint second-read" role="status">
        {t('secondReadReading')}
      </p>
    );
  if (read.status === 'unread')
    return (
      <p className="hint second-read" role="note">
        {t('secondReadNothing', { why: read.why })}
      </p>
    );
  const differing = read.fields.filter(disagrees).length;
  const text =
    read.fields.length === 0
      ? t('secondReadNoFields')
      : differing > 0
        ? t('secondReadDisagrees', { n: differing, total: read.fields.length })
        : t('secondReadAgrees', { n: read.fields.length });
  return (
    <p className={`second-read ${differing > 0 ? 'notice notice-error' : 'hint'}`} role="note">
      {text}
    </p>
  );
}
