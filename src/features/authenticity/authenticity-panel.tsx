import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  AUTHENTICITY_RULES,
  checkAuthenticityFields,
  OcrError,
  REQUEST_KEY_TTL_MS,
  verifyAuthenticityMutationOptions,
  type AuthenticityFields,
  type IdCardAnalysis,
} from '@/api';
import { useConnection } from '@/ui/connection';
import { fieldName, ID_TYPE_NAMES } from '@/model/fields/field-names';
import { ErrorNotice } from '@/ui/error-notice';
import { useI18n } from '@/ui/i18n';
import { useNow } from '@/ui/use-now';
import { prefillAuthenticity } from './prefill';

const SENSITIVE_INPUTS = new Set(['residentNumber', 'driverLicenseNumber', 'passportNumber']);

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function AuthenticityPanel({ analysis, showValues }: { analysis: IdCardAnalysis; showValues: boolean }) {
  const { t, pick, lang } = useI18n();
  const { client, identity, setPanelOpen } = useConnection();
  const idType = analysis.result.idType;
  const [fields, setFields] = useState<AuthenticityFields | null>(() => prefillAuthenticity(analysis.result));
  const [manualRequestKey, setManualRequestKey] = useState('');
  const [passportOptIn, setPassportOptIn] = useState(false);
  const verify = useMutation(verifyAuthenticityMutationOptions(client, identity));
  const requestKey = analysis.requestKey ?? (manualRequestKey.trim() || null);
  const left =
    analysis.requestKeyIssuedAt + REQUEST_KEY_TTL_MS - useNow(Boolean(analysis.requestKey) && !verify.isSuccess);
  const formId = useId();

  if (!fields) return <p className="hint">{t('authenticityUnavailable')}</p>;
  const typeName = pick(ID_TYPE_NAMES[idType] ?? { en: idType, ko: idType });

  if (idType === 'passport' && !passportOptIn) {
    return (
      <div className="notice">
        <p>{t('passportRetired')}</p>
        <button type="button" onClick={() => setPassportOptIn(true)}>
          {t('offerPassport')}
        </button>
      </div>
    );
  }

  const problems = checkAuthenticityFields(fields);
  const problemOf = (field: string) => problems.find((p) => p.field === field);
  const expired = Boolean(analysis.requestKey) && left <= 0;
  const used = verify.isSuccess;
  const values = fields as unknown as Record<string, string | undefined>;

  return (
    <form
      className="authenticity"
      aria-labelledby={`${formId}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!requestKey || problems.length > 0 || used) return;
        verify.mutate(
          { requestKey, fields },
          { onError: (error) => error instanceof OcrError && error.isConnectionProblem && setPanelOpen(true) },
        );
      }}
    >
      <h3 id={`${formId}-title`}>
        {t('verifyAuthenticity')} · {typeName}
      </h3>
      {idType === 'passport' && <p className="notice">{t('passportRetired')}</p>}
      {analysis.requestKey ? (
        <p className={expired ? 'field-error' : 'hint'} role="timer" aria-live="off">
          {expired ? t('requestKeyExpired') : t('requestKeyLeft', { time: clock(left) })}
        </p>
      ) : analysis.requestKeyMissingReason === 'header-not-exposed' ? (
        <p className="notice">{t('requestKeyHidden')}</p>
      ) : (
        <>
          <p className="hint">{t('requestKeyNotIssued', { idType: typeName })}</p>
          <label htmlFor={`${formId}-rk`}>Request-Key</label>
          <input
            id={`${formId}-rk`}
            value={manualRequestKey}
            autoComplete="off"
            onChange={(e) => setManualRequestKey(e.target.value)}
          />
        </>
      )}

      {AUTHENTICITY_RULES[fields.idType].map((rule) => {
        const problem = problemOf(rule.field);
        const id = `${formId}-${rule.field}`;
        return (
          <div key={rule.field} className="form-field">
            <label htmlFor={id}>
              {fieldName(rule.field, lang)}
              {!rule.required && <span className="hint"> (optional)</span>}
            </label>
            <input
              id={id}
              value={values[rule.field] ?? ''}
              type={SENSITIVE_INPUTS.has(rule.field) && !showValues ? 'password' : 'text'}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-error` : undefined}
              disabled={used}
              onChange={(e) => setFields({ ...fields, [rule.field]: e.target.value })}
            />
            {problem && (
              <p id={`${id}-error`} className="field-error">
                {pick(problem.message)}
              </p>
            )}
          </div>
        );
      })}

      <button type="submit" disabled={!requestKey || problems.length > 0 || used || expired || verify.isPending}>
        {verify.isPending ? t('verifying') : t('verify')}
      </button>
      {verify.data && (
        <p className={`verdict ${verify.data.result.isAuthenticity ? 'ok' : 'bad'}`} role="status">
          {verify.data.result.isAuthenticity ? `✓ ${t('authentic')}` : `✗ ${t('notAuthentic')}`}
        </p>
      )}
      {used && <p className="hint">{t('alreadyVerified')}</p>}
      {verify.error && <ErrorNotice error={verify.error} onOpenConnection={() => setPanelOpen(true)} />}
    </form>
  );
}
