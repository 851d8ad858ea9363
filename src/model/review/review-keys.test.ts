import { describe, expect, it } from 'vitest';
import { EN_MORE } from '@/model/text/more-messages-en';
import { pageKeyAction, REVIEW_KEYS } from './review-keys';
import { SHORTCUTS } from './review-shortcuts';

describe('the page’s keys on every tab', () => {
  it('opens the shortcut help and shows the Card tab from any tab', () => {
    for (const view of ['card', 'batch', 'report'] as const) {
      expect(pageKeyAction('?', view)).toEqual({ type: 'help' });
      expect(pageKeyAction('c', view)).toEqual({ type: 'card-tab' });
      expect(pageKeyAction('C', view)).toEqual({ type: 'card-tab' });
    }
  });

  it('says where a review key works when it is pressed away from the Card tab, and leaves it to the bar there', () => {
    for (const key of ['j', 'K', 'n', 'y', 'X', 'b', 'a', 'r']) {
      expect(pageKeyAction(key, 'batch')).toEqual({ type: 'review-elsewhere' });
      expect(pageKeyAction(key, 'report')).toEqual({ type: 'review-elsewhere' });
      expect(pageKeyAction(key, 'card')).toBeNull();
    }
  });

  it('moves through the cards where a card shows (the card, the table’s row), and says so on the report', () => {
    expect(pageKeyAction(']', 'card')).toEqual({ type: 'step', delta: 1 });
    expect(pageKeyAction('[', 'batch')).toEqual({ type: 'step', delta: -1 });
    expect(pageKeyAction(']', 'report')).toEqual({ type: 'review-elsewhere' });
  });

  it('leaves other keys to the browser and the canvas', () => {
    for (const key of ['f', '0', '+', 'ArrowDown', 'Enter', 'Escape']) expect(pageKeyAction(key, 'batch')).toBeNull();
  });

  it('lists every review key and the page’s own in the help, each once, with a text in the tables', () => {
    const listed = SHORTCUTS.flatMap(([keys]) => keys.toLowerCase().split(' / '));
    for (const key of [...REVIEW_KEYS, 'c', '?', ']', '[']) expect(listed).toContain(key);
    expect(new Set(listed).size).toBe(listed.length);
    for (const [, label] of SHORTCUTS) expect(EN_MORE[label]).toBeTruthy();
  });
});
