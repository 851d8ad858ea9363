/** The batch table, its exports and the rows it sorts by what the cards read: loaded when first shown. */
export const loadBatchScreen = () => import('./batch-screen');
/** The queue's list of cards: loaded with the first card (the first screen shows EmptyQueue). */
export const loadQueueList = () => import('./queue-list');
