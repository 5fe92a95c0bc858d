import { describe, expect, it } from 'vitest';
import { isValidBsn, maskBsn } from './bsn.js';

// Elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11) — Besluit BSN; test range 99999xxxx (RvIG).
describe('isValidBsn (elfproef)', () => {
  it.each([
    ['999990019', true], ['999990020', true], ['999990032', true], ['111222333', true],
    ['999990018', false], ['123456780', false], ['12345678', false], ['1234567890', false],
    ['00000000a', false], ['000000000', false], [' 99999001', false],
  ])('%s → %s', (bsn, valid) => {
    expect(isValidBsn(bsn)).toBe(valid);
  });

  it('masks all but the last three digits', () => {
    expect(maskBsn('999990019')).toBe('******019');
  });
});
