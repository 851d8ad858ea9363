import { describe, expect, it, vi } from 'vitest';
import { createIntake } from './intake';

const file = (name: string) => new File(['x'], name);

describe('createIntake', () => {
  it('keeps files dropped before the queue attaches and hands them over in order', () => {
    const intake = createIntake();
    intake.add([file('a.png')], 'credit-card');
    intake.add([file('b.png'), file('c.png')], 'id-card');
    const receiver = vi.fn<(files: File[], kind: string) => void>();
    intake.attach(receiver);
    expect(receiver.mock.calls.map(([files, kind]) => [files.map((f) => f.name), kind])).toEqual([
      [['a.png'], 'credit-card'],
      [['b.png', 'c.png'], 'id-card'],
    ]);
  });

  it('passes later files straight through, once each, and keeps them again after a detach', () => {
    const intake = createIntake();
    const first = vi.fn();
    const detach = intake.attach(first);
    intake.add([file('a.png')], 'credit-card');
    expect(first).toHaveBeenCalledTimes(1);
    detach();
    intake.add([file('b.png')], 'credit-card');
    expect(first).toHaveBeenCalledTimes(1);
    const second = vi.fn<(files: File[]) => void>();
    intake.attach(second);
    expect(second).toHaveBeenCalledTimes(1);
    expect(second.mock.calls[0][0][0].name).toBe('b.png');
  });

  it('ignores an empty drop and a stale detach', () => {
    const intake = createIntake();
    const first = vi.fn();
    const detachFirst = intake.attach(first);
    const second = vi.fn();
    intake.attach(second);
    detachFirst(); // the first receiver's cleanup runs after the second attached (React effects)
    intake.add([], 'credit-card');
    intake.add([file('a.png')], 'credit-card');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
