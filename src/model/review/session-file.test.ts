import { describe, expect, it } from 'vitest';
import { isSessionDrop } from './session-file';

const file = (name: string, type = '') => new File(['x'], name, { type });

describe('a dropped session', () => {
  it('is one ZIP alone, or one JSON with its images', () => {
    expect(isSessionDrop([file('cardlens-session.zip')])).toBe(true);
    expect(isSessionDrop([file('session', 'application/zip')])).toBe(true);
    expect(isSessionDrop([file('session.json'), file('a.png'), file('b.jpg')])).toBe(true);
  });

  it('is not a drop of cards that holds a ZIP or two JSONs among them: those are queued and refused one by one', () => {
    expect(isSessionDrop([file('a.png'), file('scans.zip')])).toBe(false);
    expect(isSessionDrop([file('a.json'), file('b.json'), file('c.png')])).toBe(false);
    expect(isSessionDrop([file('a.png'), file('data.json.png')])).toBe(false);
    expect(isSessionDrop([])).toBe(false);
  });
});
