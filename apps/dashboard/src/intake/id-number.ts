/** Weights of the GB 11643-1999 check digit (ISO 7064 MOD 11-2) over the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

/**
 * True for an 18-character resident ID number whose check digit matches: catches a mistyped digit
 * at the window, before the number is stored. A lowercase x is accepted and upper-cased by the caller.
 */
export function isValidIdNumber(raw: string): boolean {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] === id[17];
}

/** Mobile (11 digits from 1) or landline with area code, as the API's pattern accepts. */
export function isValidPhone(raw: string): boolean {
  const p = raw.trim();
  return (
    /^\+?\d[\d-]{5,19}$/.test(p) &&
    (/^1\d{10}$/.test(p) || /^0\d{2,3}-?\d{7,8}$/.test(p) || p.startsWith('+'))
  );
}
