import { describe, expect, it } from 'vitest';
import { keyAction, type KeyPress } from './viewer-keymap';
import { fitView, type Size, type ViewTransform } from './view-transform';

const natural: Size = { width: 1000, height: 600 };
const viewport: Size = { width: 500, height: 300 };
const view: ViewTransform = { scale: 0.5, x: 0, y: 0 };
const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('viewer keymap', () => {
  it('zooms about the centre, fits and shows actual size', () => {
    const zoomed = keyAction(press('+'), { view, natural, viewport });
    expect(zoomed).toEqual({ type: 'view', view: { scale: 0.625, x: -62.5, y: -37.5 } });
    expect(keyAction(press('='), { view, natural, viewport })).toEqual(zoomed);
    expect(keyAction(press('0'), { view, natural, viewport })).toEqual({
      type: 'view',
      view: fitView(natural, viewport),
    });
    expect(keyAction(press('1'), { view, natural, viewport })).toMatchObject({ type: 'view', view: { scale: 1 } });
  });

  it('pans the picture the way the arrow points at the view', () => {
    expect(keyAction(press('ArrowRight'), { view, natural, viewport })).toEqual({
      type: 'view',
      view: { scale: 0.5, x: -48, y: 0 },
    });
    expect(keyAction(press('ArrowUp'), { view, natural, viewport })).toEqual({
      type: 'view',
      view: { scale: 0.5, x: 0, y: 48 },
    });
  });

  it('asks for full screen on F', () => {
    expect(keyAction(press('f'), { view, natural, viewport })).toEqual({ type: 'full-screen' });
  });

  it('leaves modified keys, unknown keys and a card without a picture to the browser', () => {
    expect(keyAction(press('0', { ctrlKey: true }), { view, natural, viewport })).toBeNull();
    expect(keyAction(press('f', { metaKey: true }), { view, natural, viewport })).toBeNull();
    expect(keyAction(press('+', { altKey: true }), { view, natural, viewport })).toBeNull();
    expect(keyAction(press('x'), { view, natural, viewport })).toBeNull();
    expect(keyAction(press('+'), { view, natural: undefined, viewport })).toBeNull();
  });
});
