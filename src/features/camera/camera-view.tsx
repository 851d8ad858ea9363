import { useCallback, useEffect, useRef, useState } from 'react';
import { isTypingTarget } from '@/lib/keyboard';
import type { FrameAnalysis } from '@/images/frame-guidance';
import { useCardlensState } from '@/ui/cardlens';
import { useI18n } from '@/ui/i18n';
import { matches, TOUCH_SCREEN } from '@/ui/media';
import type { MoreKey } from '@/model/text/messages';
import { captureFile } from './capture-file';
import { useCamera } from './use-camera';
import { useGuidance } from './use-guidance';

/** How long a card just taken stays frozen on the view. */
const FROZEN_MS = 900;

const HINTS: Record<FrameAnalysis['hint'], MoreKey> = {
  noCard: 'hintNoCard',
  moveCloser: 'hintMoveCloser',
  tilted: 'hintTilted',
  holdStill: 'hintHoldStill',
  blurred: 'hintBlurred',
  glare: 'hintGlare',
  ready: 'hintReady',
};

export interface CameraViewProps {
  /** A card taken, or files chosen instead: both go to the queue as a drop does. */
  onFiles: (files: File[]) => void;
  onClose: () => void;
}

/** The live camera, the card's outline and one hint; the card is taken by itself once the hints pass. */
export function CameraView({ onFiles, onClose }: CameraViewProps) {
  const { t } = useI18n();
  const presentation = useCardlensState((s) => s.presentation);
  const service = useCardlensState((s) => (s.kind === 'credit-card' ? 'credit-card' : 'id-card'));
  const video = useRef<HTMLVideoElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // The view takes the focus, so that Space takes a photo at once and not the button that opened it.
  useEffect(() => dialog.current?.focus(), []);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const { status, cameras } = useCamera(video, deviceId);
  const [frozen, setFrozen] = useState<{ url: string; name: string } | null>(null);
  // One capture at a time; and a view closed while one was encoding shows nothing of it.
  const capturing = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);
  const onTake = useCallback(
    (frame: ImageBitmap) => {
      if (capturing.current) return frame.close();
      capturing.current = true;
      void captureFile(frame)
        .then((file) => {
          onFiles([file]);
          if (mounted.current) setFrozen({ url: URL.createObjectURL(file), name: file.name });
        })
        .finally(() => (capturing.current = false));
    },
    [onFiles],
  );
  const { analysis, copy, takeNow } = useGuidance(video, status === 'live', service, onTake);
  useEffect(() => {
    if (!frozen) return;
    const timer = setTimeout(() => setFrozen(null), FROZEN_MS);
    return () => (clearTimeout(timer), URL.revokeObjectURL(frozen.url));
  }, [frozen]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) return;
      // While another dialog is over this one (the repeat question), keys are that dialog's.
      const target = event.target as Node | null;
      if (target !== document.body && !dialog.current?.contains(target)) return;
      if (document.querySelector('.dialog-backdrop')) return;
      if (event.key === 'Escape') onClose();
      else if (
        event.key === ' ' &&
        !event.repeat && // a held Space takes one photo, not one per repeat
        !(event.target instanceof HTMLButtonElement || event.target instanceof HTMLSelectElement)
      ) {
        event.preventDefault();
        takeNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, takeNow]);
  const problem = status !== 'live' && status !== 'starting' ? status : null;
  return (
    <div
      ref={dialog}
      tabIndex={-1}
      className={`camera-view${presentation ? ' covered' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label={t('cameraTitle')}
    >
      <div className="camera-bar">
        <h2>{t('cameraTitle')}</h2>
        {cameras.length > 1 && (
          <label>
            {t('cameraPicker')}{' '}
            <select value={deviceId ?? ''} onChange={(event) => setDeviceId(event.target.value || null)}>
              <option value="">{t('cameraDefault')}</option>
              {cameras.map((camera, i) => (
                <option key={camera.deviceId} value={camera.deviceId}>
                  {camera.label || `${t('cameraPicker')} ${i + 1}`}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          {t('cameraClose')}
        </button>
      </div>
      {problem && <CameraProblemNotice problem={problem} onFiles={onFiles} />}
      {/* Kept while a problem shows: a camera that starts after it (freed by another application,
          allowed in the site's settings) has a video to play in. */}
      <div className="camera-stage" hidden={problem !== null}>
        <video
          ref={video}
          muted
          playsInline
          disablePictureInPicture
          // The browser's menu on a video copies or pops out the frame, past presentation mode's blur.
          onContextMenu={(event) => event.preventDefault()}
          aria-label={t('cameraPreview')}
        />
        {analysis?.quad && (
          <svg className="camera-outline" viewBox={`0 0 ${copy.width} ${copy.height}`} aria-hidden="true">
            <polygon
              className={analysis.hint === 'ready' ? 'ready' : undefined}
              points={[1, 2, 3, 4]
                .map((n) => `${analysis.quad![`x${n}` as 'x1']},${analysis.quad![`y${n}` as 'y1']}`)
                .join(' ')}
            />
          </svg>
        )}
        {frozen &&
          (presentation ? (
            <div className="camera-frozen covered-frame" />
          ) : (
            <img className="camera-frozen" src={frozen.url} alt="" />
          ))}
      </div>
      {!problem && (
        <div className="camera-controls">
          <p className="camera-hint" role="status" aria-live="polite">
            {frozen
              ? t('cameraTaken', { name: frozen.name })
              : status === 'starting' || !analysis
                ? t('cameraStarting')
                : t(HINTS[analysis.hint])}
          </p>
          <button type="button" onClick={takeNow} disabled={status !== 'live'} aria-keyshortcuts="Space">
            {t('cameraTake')}
          </button>
        </div>
      )}
    </div>
  );
}

/** No live view: why, and the file picker (the camera's own on a phone). */
function CameraProblemNotice({
  problem,
  onFiles,
}: {
  problem: Exclude<ReturnType<typeof useCamera>['status'], 'live' | 'starting'>;
  onFiles: (files: File[]) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const phone = matches(TOUCH_SCREEN);
  const key: Record<typeof problem, MoreKey> = {
    insecure: 'cameraInsecure',
    unsupported: 'cameraUnsupported',
    refused: 'cameraRefused',
    none: 'cameraNone',
    busy: 'cameraBusy',
    unplugged: 'cameraUnplugged',
    failed: 'cameraFailed',
  };
  return (
    <div className="notice notice-error camera-problem" role="alert">
      <p className="notice-title">{t(key[problem])}</p>
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple={!phone}
        // A phone's own camera app, where the browser gives no live view.
        capture={phone ? 'environment' : undefined}
        hidden
        aria-label={t('cardImageFiles')}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <button type="button" onClick={() => input.current?.click()}>
        {phone ? t('cameraPhoneFallback') : t('chooseFiles')}
      </button>
    </div>
  );
}
