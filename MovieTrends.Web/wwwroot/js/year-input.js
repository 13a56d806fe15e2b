/** The whole-number year typed into an input, or null when it is empty or not a whole number. */
export function readYear(input) {
  const text = input.value.trim();
  return /^-?\d{1,4}$/.test(text) ? Number.parseInt(text, 10) : null;
}
