import type { AnalysisKind } from '@/api';
import type { MessageKey } from './messages';

/** What each service is called on screen: the picker, the batch table and the connection check. */
export const SERVICE_NAME: Record<AnalysisKind, MessageKey> = {
  'credit-card': 'serviceCreditCard',
  'id-card': 'serviceIdCard',
  'id-card-stand-alone': 'serviceIdCardStandAlone',
};
