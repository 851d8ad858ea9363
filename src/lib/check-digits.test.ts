import { describe, expect, it } from 'vitest';
import { icaoCheckDigit, luhnValid, residentNumberCheckDigit } from './check-digits';

describe('check digits', () => {
  it('Luhn accepts published test numbers and refuses a changed digit', () => {
    for (const n of ['4111111111111111', '5555555555554444', '378282246310005', '4000056655665556', '79927398713'])
      expect(luhnValid(n)).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398710')).toBe(false);
  });

  it("ICAO 9303 check digits match the specification's specimen (Utopia, ERIKSSON ANNA MARIA)", () => {
    // ICAO Doc 9303 part 4, TD3 specimen: P<UTOERIKSSON<<ANNA<MARIA / L898902C36UTO7408122F1204159ZE184226B<<<<<10
    expect(icaoCheckDigit('L898902C3')).toBe(6);
    expect(icaoCheckDigit('740812')).toBe(2);
    expect(icaoCheckDigit('120415')).toBe(9);
    expect(icaoCheckDigit('ZE184226B<<<<<')).toBe(1);
    expect(icaoCheckDigit('L898902C36' + '7408122' + '1204159' + 'ZE184226B<<<<<1')).toBe(0);
  });

  it('computes the pre-2020 resident number check digit', () => {
    expect(residentNumberCheckDigit('900101123456')).toBe(8);
    expect(residentNumberCheckDigit('850315234567')).toBe(8);
  });
});
