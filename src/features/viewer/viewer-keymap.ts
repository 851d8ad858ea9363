import { actualSizeView, fitView, panBy, stagePoint, zoomAt, type Size, type ViewTransform } from './view-transform';

/** What a key on the focused canvas asks for. */
export type KeyAction = { type: 'view'; view: ViewTransform } | { type: 'full-screen' };

export interface KeyContext {
  view: ViewTransform;
  /** The picture's size; without a picture no key does anything. */
  natural: Size | undefined;
  viewport: Size;
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const PAN_STEP = 48;
const ZOOM_STEP = 1.25;

const VIEW_KEYS: Record<string, (c: KeyContext & { natural: Size }) => ViewTransform> = {
  '+': (c) => zoomAt(c.view, ZOOM_STEP, centreOf(c.viewport)),
  '=': (c) => zoomAt(c.view, ZOOM_STEP, centreOf(c.viewport)),
  '-': (c) => zoomAt(c.view, 1 / ZOOM_STEP, centreOf(c.viewport)),
  '0': (c) => fitView(c.natural, c.viewport),
  '1': (c) => actualSizeView(c.natural, c.viewport),
  ArrowLeft: (c) => panBy(c.view, PAN_STEP, 0),
  ArrowRight: (c) => panBy(c.view, -PAN_STEP, 0),
  ArrowUp: (c) => panBy(c.view, 0, PAN_STEP),
  ArrowDown: (c) => panBy(c.view, 0, -PAN_STEP),
};

export const centreOf = (viewport: Size) => stagePoint(viewport.width / 2, viewport.height / 2);

/** The canvas's keymap; null leaves the key to the browser (Ctrl+0, Ctrl+F and the like stay its own). */
export function keyAction(press: KeyPress, context: KeyContext): KeyAction | null {
  const { natural } = context;
  if (!natural || press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'f') return { type: 'full-screen' };
  const action = VIEW_KEYS[press.key];
  return action ? { type: 'view', view: action({ ...context, natural }) } : null;
}
