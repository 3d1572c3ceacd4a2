import { Decimal } from 'decimal.js';
import { printedPrecision, roundHalfUp } from '../normalize/number.js';

export function dec(value: string): Decimal {
  return new Decimal(value);
}

/** Sum of the values that are printed; null when none is. */
export function sumPrinted(values: ReadonlyArray<string | null | undefined>): Decimal | null {
  const printed = values.filter((v): v is string => v != null);
  return printed.length === 0 ? null : printed.reduce((sum, v) => sum.plus(v), new Decimal(0));
}

/**
 * Compares a computed value with a printed one at the printed precision, rounding half-up:
 * 86.1302… against `86.14` is `86.13` ≠ `86.14`. Returns the rounded computed value and whether it matches.
 */
export function compareAtPrinted(computed: Decimal, printed: string): { expected: string; same: boolean } {
  const expected = roundHalfUp(computed, printedPrecision(printed));
  return { expected, same: new Decimal(expected).equals(printed) };
}

/** A decimal for messages and `expected` fields: no exponent, no trailing zeros beyond what it has. */
export function show(value: Decimal): string {
  return value.toFixed();
}
