import { useEffect } from 'react';
import { useDropzone } from 'react-dropzone';
import { isPasteTarget } from '@/lib/keyboard';
import { useI18n } from '@/ui/i18n';

/**
 * Drag, click or paste. Every file is accepted here on purpose: preflight judges it by its bytes and says
 * why it is refused, instead of the picker silently hiding it. It is a drop target with a real button
 * inside, so keyboard and screen-reader users have a control of their own and none is nested in another.
 */
export function DropZone({ onFiles, onCamera }: { onFiles: (files: File[]) => void; onCamera: () => void }) {
  const { t } = useI18n();
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop: onFiles,
    multiple: true,
    noKeyboard: true,
    noPaste: true, // pasting is the page's (usePastedFiles): once, wherever the focus is
    noDragEventsBubbling: true, // the page's own drop target (usePageDrop) must not take the same files again
  });
  return (
    <div {...getRootProps({ className: `drop-zone${isDragActive ? ' active' : ''}` })}>
      <input {...getInputProps({ 'aria-label': t('cardImageFiles') })} />
      <p>{isDragActive ? t('dropActive') : t('dropHere')}</p>
      <button
        type="button"
        onClick={(event) => {
          event.stopPropagation();
          open();
        }}
      >
        {t('chooseFiles')}
      </button>{' '}
      <button
        type="button"
        onClick={(event) => {
          event.stopPropagation();
          onCamera();
        }}
      >
        {t('useCamera')}
      </button>
      <p className="hint">{t('dropLimits')}</p>
      <p className="hint">{t('dropSession')}</p>
    </div>
  );
}

/** Images pasted anywhere on the page but into a text field are dropped cards. */
export function usePastedFiles(onFiles: (files: File[]) => void) {
  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      if (isPasteTarget(event.target)) return;
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length > 0) {
        event.preventDefault();
        onFiles(files);
      }
    }
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [onFiles]);
}

/**
 * The rest of the page as a drop target too: the empty viewer says "drop a card", and a file
 * dropped beside the zone would otherwise be ignored. Folders work as on the zone.
 */
export function usePageDrop(onFiles: (files: File[]) => void) {
  const { getRootProps, isDragActive } = useDropzone({
    onDrop: onFiles,
    multiple: true,
    noClick: true,
    noKeyboard: true,
    noPaste: true, // usePastedFiles takes pastes
  });
  return { dropTargetProps: getRootProps, dragging: isDragActive };
}
