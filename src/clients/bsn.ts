/**
 * The BSN (burgerservicenummer) and its "elfproef": nine digits d1…d9 with
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 (Besluit BSN / Wet algemene
 * bepalingen BSN). All zeros passes the arithmetic but is not a number anyone has.
 */

/**
 * True when `value` is nine digits that pass the elfproef.
 * @example
 * isValidBsn('999990019'); // true  (test range 99999xxxx)
 * isValidBsn('123456780'); // false
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0;
}

/** Shows only the last three digits, for screens that need to tell clients apart. */
export function maskBsn(value: string): string {
  return `******${value.slice(-3)}`;
}
