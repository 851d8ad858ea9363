export { checkedFields, compareBoxReads, compareText, differingPositions } from './compare-reads';
export { DeviceChecksSettings, useDeviceChecks, type DeviceChecks } from './device-checks';
export { secondReadOf, wantsSecondRead, type ReadBoxesOnDevice } from './second-read-task';
export { SECOND_READ_RULE, secondReadRules } from './second-read-rules';
export { disagrees, hasDisagreement, type FieldComparison, type SecondRead } from './second-read-types';
export { useSecondReads, type SecondReadItem } from './use-second-reads';
export { SecondReadNote } from './second-read-note';
