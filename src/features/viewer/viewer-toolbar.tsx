import { useI18n } from '@/ui/i18n';
import { ThresholdSlider } from '@/ui/threshold-slider';
import type { MessageKey } from '@/model/text/messages';
import type { Layers } from './card-canvas';

const LAYER_TOGGLES: { key: keyof Layers; label: MessageKey }[] = [
  { key: 'boxes', label: 'layerBoxes' },
  { key: 'labels', label: 'layerLabels' },
  { key: 'values', label: 'layerValues' },
  { key: 'extra', label: 'layerExtra' },
];

interface Props {
  /** Whether there is a picture to zoom and export. */
  hasPicture: boolean;
  hasResult: boolean;
  onZoom: (factor: number) => void;
  onFit: () => void;
  onActualSize: () => void;
  layers: Layers;
  onLayers: (layers: Layers) => void;
  showValues: boolean;
  presentation: boolean;
  onShowValues: (show: boolean) => void;
  threshold: number;
  onThreshold: (threshold: number) => void;
  /** The EXIF orientation when it is not 1: the raw-pixels toggle is offered only then. */
  orientation: number | null;
  raw: boolean;
  onRaw: (raw: boolean) => void;
  fullScreen: { available: boolean; active: boolean; toggle: () => void };
  onExportPng: () => void;
  onExportJson: () => void;
}

export function ViewerToolbar(props: Props) {
  const { t } = useI18n();
  const { hasPicture, layers, fullScreen } = props;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('layers')}>
      <button type="button" onClick={() => props.onZoom(0.8)} aria-label={t('zoomOut')} disabled={!hasPicture}>
        −
      </button>
      <button type="button" onClick={() => props.onZoom(1.25)} aria-label={t('zoomIn')} disabled={!hasPicture}>
        +
      </button>
      <button type="button" onClick={props.onFit} disabled={!hasPicture}>
        {t('fit')}
      </button>
      <button type="button" onClick={props.onActualSize} disabled={!hasPicture}>
        {t('actualSize')}
      </button>
      <span className="divider" />
      {LAYER_TOGGLES.map((layer) => (
        <label key={layer.key} className="inline">
          <input
            type="checkbox"
            checked={layers[layer.key]}
            onChange={(e) => props.onLayers({ ...layers, [layer.key]: e.target.checked })}
          />
          {t(layer.label)}
        </label>
      ))}
      <span className="divider" />
      <label className="inline">
        <input
          type="checkbox"
          checked={props.showValues}
          disabled={props.presentation}
          onChange={(e) => props.onShowValues(e.target.checked)}
        />
        {t('showValues')}
      </label>
      <ThresholdSlider threshold={props.threshold} onChange={props.onThreshold} inline />
      {props.orientation !== null && (
        <label
          className="inline"
          title={
            props.presentation ? t('rawPixelsOffInPresentation') : t('exifNote', { orientation: props.orientation })
          }
        >
          <input
            type="checkbox"
            checked={props.raw && !props.presentation}
            disabled={props.presentation}
            onChange={(e) => props.onRaw(e.target.checked)}
          />
          {t('rawPixels')}
        </label>
      )}
      <span className="divider" />
      <span className="button-group">
        {fullScreen.available && (
          <button type="button" onClick={fullScreen.toggle} aria-keyshortcuts="F">
            {t(fullScreen.active ? 'exitFullScreen' : 'fullScreen')}
          </button>
        )}
        <button type="button" onClick={props.onExportPng} disabled={!hasPicture}>
          {t('exportPng')}
        </button>
        <button type="button" onClick={props.onExportJson} disabled={!props.hasResult}>
          {t('exportJson')}
        </button>
      </span>
    </div>
  );
}
