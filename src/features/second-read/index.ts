export { checkedFields, compareBoxReads, compareText, differingPositions } from './compare-reads';
export { DeviceChecksSettings, useDeviceChecks, type DeviceChecks } from './device-checks';
export { secondReadOf, type ReadBoxesOnDevice } from './second-read-task';
export { disagrees, hasDisagreement, wasRead, type FieldComparison, type SecondRead } from './second-read-types';
export { createSecondReader, type SecondReadItem } from './second-read-scheduler';
export { useSecondReads } from './use-second-reads';
export { SecondReadNote } from './second-read-note';
export { preSendOutcome, type PreSendOutcome } from './pre-send';
