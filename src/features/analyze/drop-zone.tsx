import { useEffect } from 'react';
import { useDropzone } from 'react-dropzone';
import { useI18n } from '@/features/shared';

/**
 * Drag, click or paste. Every file is accepted here on purpose: preflight judges it by its bytes
 * and says why it is refused, instead of the picker silently hiding it. Call it once, in a component
 * that outlives the screens showing the zone, and render CardFileInput beside it: a file dialog then
 * still answers after the screen that opened it gave way to another.
 */
export function useCardDrop(onFiles: (files: File[]) => void) {
  const drop = useDropzone({
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

  return drop;
}

export type CardDrop = ReturnType<typeof useCardDrop>;

/** The hidden file input the zone opens; rendered where useCardDrop is called. */
export function CardFileInput({ drop }: { drop: CardDrop }) {
  const { t } = useI18n();
  return <input {...drop.getInputProps({ 'aria-label': t('cardImageFiles') })} />;
}

/**
 * The zone itself. It is a drop target only; keyboard and screen-reader users get a real button, so no
 * control is nested in another.
 */
export function DropZone({ drop }: { drop: CardDrop }) {
  const { t } = useI18n();
  const { getRootProps, isDragActive, open } = drop;
  return (
    <div {...getRootProps({ className: `drop-zone${isDragActive ? ' active' : ''}` })}>
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
