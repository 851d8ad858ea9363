import type { AnalysisKind } from '@/api';
import { useI18n } from '@/ui/i18n';
import { SERVICE_NAME } from '@/model/text/service-names';

const KINDS: AnalysisKind[] = ['credit-card', 'id-card', 'id-card-stand-alone'];

export function ServicePicker({ value, onChange }: { value: AnalysisKind; onChange: (kind: AnalysisKind) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="service-picker" role="radiogroup" aria-label={t('service')}>
      <legend>{t('service')}</legend>
      {KINDS.map((kind) => (
        <label key={kind} className="inline">
          <input type="radio" name="service" value={kind} checked={value === kind} onChange={() => onChange(kind)} />
          {t(SERVICE_NAME[kind])}
        </label>
      ))}
      {value === 'id-card-stand-alone' && <p className="hint">{t('standAloneHint')}</p>}
    </fieldset>
  );
}
