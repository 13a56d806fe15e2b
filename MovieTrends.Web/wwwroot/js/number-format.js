// Numbers written the way the page writes them in English ("4,658", "0.0059"), without Intl: the first
// Intl formatter a page creates loads the locale data, tens of milliseconds of main thread on a phone, which
// the first screen would otherwise spend before its first chart. Same digits as Intl.NumberFormat('en').

/** Up to `maxFractionDigits` decimals, trailing zeros dropped, thousands grouped. */
export function formatNumber(value, maxFractionDigits = 3) {
  return write(roundDecimal(value, maxFractionDigits), maxFractionDigits);
}

/** At most `digits` significant digits (0.0059 for 0.00587 with two), as Intl's maximumSignificantDigits. */
export function formatSignificant(value, digits) {
  if (value === 0) return '0';
  const decimals = digits - 1 - Math.floor(Math.log10(Math.abs(value)));
  return write(roundDecimal(value, decimals), Math.max(0, decimals));
}

/**
 * Rounds half away from zero on the number's decimal digits, as Intl does (1.005 → 1.01, where toFixed,
 * working on the binary value 1.00499…, gives 1.00). Shifting the exponent in the string keeps the digits.
 */
function roundDecimal(value, decimals) {
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
  return Math.sign(value) * Number(`${shifted}e${-decimals}`);
}

function write(value, decimals) {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction = ''] = fixed.split('.');
  const digits = fraction.replace(/0+$/, '');
  const sign = value < 0 ? '-' : '';
  return sign + whole.replace(/\B(?=(\d{3})+$)/g, ',') + (digits ? `.${digits}` : '');
}
