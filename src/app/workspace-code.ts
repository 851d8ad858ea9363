import { deferred } from './deferred-code';

/** The workspace's code (workspace.tsx): fetched while idle after the first paint, or at the first drop. */
export const workspaceCode = deferred(() => import('./workspace'));
