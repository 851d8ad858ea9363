import { describe, expect, it } from 'vitest';
import { mask, maskCardGroup } from './masking';

describe('masking', () => {
  it('shows the first 6 and last 4 digits of a card number', () => {
    expect(mask('4111111111111111', 'card-number')).toBe('411111••••••1111');
    expect(mask('3782 822463 10005', 'card-number')).toBe('3782 82•••• •0005');
  });

  it('masks card number groups consistently with the whole number', () => {
    const groups = ['4111', '1111', '1111', '1234'];
    let offset = 0;
    const masked = groups.map((g) => {
      const out = maskCardGroup(g, offset, 16);
      offset += g.length;
      return out;
    });
    expect(masked).toEqual(['4111', '11••', '••••', '1234']);
  });

  it('hides the last 6 digits of a resident number', () => {
    expect(mask('900101-1234568', 'resident-number')).toBe('900101-1••••••');
    expect(mask('9001011234568', 'resident-number')).toBe('9001011••••••');
  });

  it('partly hides licence, passport and personal numbers and the MRZ', () => {
    expect(mask('11-19-123456-10', 'licence-number')).toBe('11-19-••••••-••');
    expect(mask('M70689098', 'passport-number')).toBe('M70••••••');
    expect(mask('1234568', 'personal-number')).toBe('1••••••');
    const mrz = 'M706890985KOR9001011M3103153<<<<<<<<<<<<<<10';
    const masked = mask(mrz, 'mrz');
    expect(masked.slice(0, 3)).toBe('M70');
    expect(masked.slice(3)).not.toMatch(/[A-Z0-9]/);
    // The MRZ shows no more of the passport number than the passport number's own mask.
    expect(masked.slice(0, 9).replace(/•/g, '')).toBe(mask('M70689098', 'passport-number').replace(/•/g, ''));
    expect(mask('A1B2C3', 'licence-serial')).toBe('A•••••');
    expect([...masked].every((c, i) => (c === '<') === (mrz[i] === '<'))).toBe(true);
  });

  it('never reveals more than it hides for any digit string', () => {
    for (let n = 0; n < 30; n++) {
      const value = '1'.repeat(n);
      expect(mask(value, 'card-number').length).toBe(n);
    }
  });
});
