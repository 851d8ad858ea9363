import { useState } from 'react';
import { useI18n } from '@/ui/i18n';

interface Props {
  /** Cards not yet sent whose batch started on another connection than the one set now. */
  waiting: number;
  /** Identifies the connection set now: a choice made for one connection is asked again for the next. */
  connectionKey: string;
  onApply: () => void;
}

/** Asks, when the connection changes under an unfinished batch, whether the rest of it follows. */
export function ConnectionChangePrompt({ waiting, connectionKey, onApply }: Props) {
  const { t } = useI18n();
  const [keptFor, setKeptFor] = useState<string | null>(null);
  if (waiting === 0 || keptFor === connectionKey) return null;
  return (
    <div className="notice connection-change" role="alert">
      <p>{t('connectionChangedMidBatch', { n: waiting })}</p>
      <div className="row">
        <button type="button" onClick={onApply}>
          {t('applyConnectionToRest')}
        </button>
        <button type="button" onClick={() => setKeptFor(connectionKey)}>
          {t('keepBatchConnection')}
        </button>
      </div>
    </div>
  );
}
