import { useEffect } from 'react';
import { useDropzone } from 'react-dropzone';
import { useI18n } from '@/features/shared/i18n';

/**
 * Drag, click or paste. Every file is accepted here on purpose: preflight judges it by its bytes
 * and says why it is refused, instead of the picker silently hiding it.
 */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useI18n();
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    onDrop: onFiles,
    multiple: true,
    noKeyboard: false,
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
    <div
      {...getRootProps({
        className: `drop-zone${isDragActive ? ' active' : ''}`,
        role: 'button',
        'aria-label': t('chooseFiles'),
      })}
    >
      <input {...getInputProps({ 'aria-label': t('chooseFiles') })} data-testid="file-input" />
      <p>{isDragActive ? t('dropActive') : t('dropHere')}</p>
      <p className="hint">{t('dropLimits')}</p>
    </div>
  );
}
