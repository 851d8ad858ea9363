import type { AnalysisKind } from '@/api';
import { useI18n } from '@/features/shared/i18n';
import type { MessageKey } from '@/features/shared/messages';

const OPTIONS: { kind: AnalysisKind; label: MessageKey }[] = [
  { kind: 'credit-card', label: 'serviceCreditCard' },
  { kind: 'id-card', label: 'serviceIdCard' },
  { kind: 'id-card-stand-alone', label: 'serviceIdCardStandAlone' },
];

export function ServicePicker({ value, onChange }: { value: AnalysisKind; onChange: (kind: AnalysisKind) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="service-picker" role="radiogroup" aria-label={t('service')}>
      <legend>{t('service')}</legend>
      {OPTIONS.map((option) => (
        <label key={option.kind} className="inline">
          <input
            type="radio"
            name="service"
            value={option.kind}
            checked={value === option.kind}
            onChange={() => onChange(option.kind)}
          />
          {t(option.label)}
        </label>
      ))}
      {value === 'id-card-stand-alone' && <p className="hint">{t('standAloneHint')}</p>}
    </fieldset>
  );
}
