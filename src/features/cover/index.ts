export { coverPicture } from './cover-picture';
export { coverPlan, wholeCover, type CoverPlan, type CoverReason, type PictureSize } from './cover-plan';
export { CoveredThumbnail } from './covered-thumbnail';
