/** The batch table, its exports and the rows it sorts by what the cards read: loaded when first shown. */
export const loadBatchScreen = () => import('./batch-screen');
