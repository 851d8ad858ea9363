export { ConfirmExportDialog } from './confirm-export-dialog';
export { describeError, type ErrorDescription } from './describe-error';
export { download } from './download';
export { ErrorBoundary } from './error-boundary';
export { ErrorNotice } from './error-notice';
export { I18nProvider, useI18n, type Lang } from './i18n';
export { MESSAGES, type MessageKey } from './messages';
export { SERVICE_NAME } from './service-names';
export { useNow } from './use-now';
