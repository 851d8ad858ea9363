import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useDropzone } from 'react-dropzone';
import { isPasteTarget } from '@/lib/keyboard';
import { useI18n } from '@/ui/i18n';

const CardDropContext = createContext<ReturnType<typeof useDropzone> | null>(null);

/**
 * Drag, click or paste. Every file is accepted here on purpose: preflight judges it by its bytes and says
 * why it is refused, instead of the picker silently hiding it. The provider holds the file input and the
 * zone's state, so put it above every screen that shows a DropZone: a file dialog then still answers
 * after the screen that opened it gave way to another, and a drag re-renders only the zones.
 */
export function CardDropProvider({ onFiles, children }: { onFiles: (files: File[]) => void; children: ReactNode }) {
  const { t } = useI18n();
  const drop = useDropzone({
    onDrop: onFiles,
    multiple: true,
    noKeyboard: true,
    noPaste: true, // pasting is the page's, below: once, wherever the focus is
    noDragEventsBubbling: true, // the page's own drop target (usePageDrop) must not take the same files again
  });

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

  return (
    <CardDropContext.Provider value={drop}>
      <input {...drop.getInputProps({ 'aria-label': t('cardImageFiles') })} />
      {children}
    </CardDropContext.Provider>
  );
}

/**
 * The zone itself, under a CardDropProvider. It is a drop target only; keyboard and screen-reader users
 * get a real button, so no control is nested in another.
 */
export function DropZone() {
  const { t } = useI18n();
  const drop = useContext(CardDropContext);
  if (!drop) throw new Error('DropZone needs a CardDropProvider');
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
    noPaste: true, // CardDropProvider takes pastes
  });
  return { dropTargetProps: getRootProps, dragging: isDragActive };
}
