export { cardView, buildCardView, summarise, type CardView, type ResultSummary } from './card-view';
