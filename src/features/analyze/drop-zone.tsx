import { useEffect } from 'react';
import { useDropzone } from 'react-dropzone';
import { useI18n } from '@/features/shared';

/**
 * Drag, click or paste. Every file is accepted here on purpose: preflight judges it by its bytes
 * and says why it is refused, instead of the picker silently hiding it. The zone is a drop target
 * only; keyboard and screen-reader users get a real button, so no control is nested in another.
 */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop: onFiles,
    multiple: true,
    noKeyboard: true,
    noDragEventsBubbling: true, // the page's own drop target (usePageDrop) must not take the same files again
  });

  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length > 0) {
        event.preventDefault();
        onFiles(files);
      }
    }
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [onFiles]);

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
      </button>
      <p className="hint">{t('dropLimits')}</p>
    </div>
  );
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
  });
  return { dropTargetProps: getRootProps, dragging: isDragActive };
}
