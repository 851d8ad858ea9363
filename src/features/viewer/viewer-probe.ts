// What the viewer drew, for e2e specs via window.__cardlens (test builds only; see app/test-hooks.ts).
export interface ViewerProbe {
  boxesDrawn: number;
  extraBoxesDrawn: number;
  selectedId: string | null;
  highlightedId: string | null;
  presentation: boolean;
  fileName: string;
  timings: { prepareMs: number; encryptMs: number; requestMs: number; decryptMs: number; totalMs: number } | null;
  verdicts: Record<string, string>;
  badges: { fieldId: string; kind: 'fail' | 'info' }[];
  rules: { rule: string; fieldId: string | null; key: string; outcome: string }[];
  fields: { id: string; key: string; value: string; shown: string; quad: boolean; below: boolean }[];
}

let latest: ViewerProbe | null = null;
const enabled = import.meta.env.VITE_TEST_HOOKS === 'true';

export function publishViewerState(state: ViewerProbe | null): void {
  if (enabled) latest = state;
}

export function readViewerState(): ViewerProbe | null {
  return latest;
}
