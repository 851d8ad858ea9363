import { useId } from 'react';
import { useI18n } from '@/ui/i18n';

interface Props {
  threshold: number;
  onChange: (threshold: number) => void;
  /** The id of a hint that says what the threshold does here. */
  describedBy?: string;
  /** For a toolbar: its label sits inline, and the three wrap as one. */
  inline?: boolean;
}

/** The confidence threshold, in one place wherever it is set: a label, a slider and its figure in percent. */
export function ThresholdSlider({ threshold, onChange, describedBy, inline = false }: Props) {
  const { t } = useI18n();
  const id = useId();
  const parts = (
    <>
      <label htmlFor={id} className={inline ? 'inline' : undefined}>
        {t('confidenceThreshold')}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={0.01}
        value={threshold}
        aria-describedby={describedBy}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id}>{Math.round(threshold * 100)}%</output>
    </>
  );
  return inline ? <span className="control-group">{parts}</span> : parts;
}
