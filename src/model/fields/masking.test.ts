import { describe, expect, it } from 'vitest';
import { mask, maskCardGroups, maskCardNumber } from './masking';

describe('masking', () => {
  it('shows the first 6 and last 4 digits of a card number', () => {
    expect(mask('4111111111111111', 'card-number')).toBe('411111••••••1111');
    expect(mask('3782 822463 10005', 'card-number')).toBe('3782 82•••• •0005');
  });

  it('masks card number groups consistently with the whole number', () => {
    expect(maskCardGroups(['4111', '1111', '1111', '1234'])).toEqual(['4111', '11••', '••••', '1234']);
    expect(maskCardGroups(['3782', '822463', '10005'])).toEqual(['3782', '82••••', '•0005']);
  });

  it('counts a letter as a place of the number and never shows it: a misread cannot shift what shows', () => {
    expect(maskCardGroups(['4111', '1111', '1234', 'OOOO'])).toEqual(['4111', '11••', '••••', '••••']);
    expect(maskCardNumber('4111 1111 1234 OOOO')).toBe('4111 11•• •••• ••••');
    expect(maskCardGroups(['4111', '11A1', '1234', '5678'])).toEqual(['4111', '11••', '••••', '5678']);
    expect(maskCardGroups(['O111', '1111', '1111', '1234'])).toEqual(['•111', '11••', '••••', '1234']);
  });

  it('counts digits of any script alike, full-width ones too', () => {
    const wide = ['４１１１', '１１１１', '２２２２', '１２３４'];
    expect(maskCardGroups(wide)).toEqual(['４１１１', '１１••', '••••', '１２３４']);
    expect(mask(wide.join(''), 'card-number')).toBe('４１１１１１••••••１２３４');
    expect(maskCardGroups(['٤١١١', '١١١١', '١١١١', '١٢٣٤'])).toEqual(['٤١١١', '١١••', '••••', '١٢٣٤']);
  });

  it('hides symbols as it hides digits, and leaves spaces and dashes', () => {
    expect(maskCardNumber('4111-1111-||||-1234')).toBe('4111-11••-••••-1234');
    expect(maskCardNumber('4111\u30001111\u3000|1|1\u30001234')).toBe('4111\u300011••\u3000••••\u30001234');
  });

  it('shows the same characters of a number given whole or in groups, whatever the groups hold', () => {
    const samples = ['4111', '1111', 'OO12', '１２', '', '-', '12 34', 'ab', '٣٣٣٣', '5'];
    for (let seed = 0; seed < 200; seed++) {
      const groups = Array.from({ length: 1 + (seed % 6) }, (_, i) => samples[(seed * 7 + i * 3) % samples.length]);
      const whole = maskCardNumber(groups.join(' '));
      expect(maskCardGroups(groups).join(' ')).toBe(whole);
      const shown = Array.from(whole).filter((c) => /\p{Nd}/u.test(c));
      expect(shown.length).toBeLessThanOrEqual(10);
    }
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
