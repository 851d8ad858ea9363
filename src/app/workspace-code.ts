import { deferred } from './deferred-code';

/** The workspace's code (workspace.tsx): fetched while idle after the first paint, or at the visitor's first request. */
export const workspaceCode = deferred(() => import('./workspace'));

/** The workspace's code, then the screens it shows: the viewer with Konva, the batch table, the report. */
export const loadWorkspace = () =>
  workspaceCode.load().then((workspace) => {
    void workspace.prefetchScreens();
    return workspace;
  });
