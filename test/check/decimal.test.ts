import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { compareAtPrinted, sumPrinted, show } from '../../src/check/decimal.js';

describe('compareAtPrinted: computed value rounded half-up at the printed precision', () => {
  it.each([
    { computed: '86.13022', printed: '86.14', expected: '86.13', same: false },
    { computed: '86.13022', printed: '86.13', expected: '86.13', same: true },
    { computed: '86.135', printed: '86.14', expected: '86.14', same: true },
    { computed: '86.135', printed: '86.13', expected: '86.14', same: false },
    { computed: '99.71', printed: '100', expected: '100', same: true },
    { computed: '99.71', printed: '100.00', expected: '99.71', same: false },
    { computed: '100', printed: '100.00', expected: '100.00', same: true },
    { computed: '98.45', printed: '98.4', expected: '98.5', same: false },
    { computed: '0', printed: '0.00', expected: '0.00', same: true },
  ])('$computed vs printed $printed → $expected ($same)', ({ computed, printed, expected, same }) => {
    expect(compareAtPrinted(new Decimal(computed), printed)).toEqual({ expected, same });
  });
});

describe('sumPrinted', () => {
  it.each([
    { values: ['1', '2', '3'], want: '6' },
    { values: ['0.1', '0.2'], want: '0.3' },
    { values: ['120000.00', '0.00', null], want: '120000' },
    { values: [null, '5', undefined], want: '5' },
    { values: ['0'], want: '0' },
  ])('$values → $want', ({ values, want }) => {
    expect(sumPrinted(values)?.toFixed()).toBe(want);
  });

  it.each([{ values: [] }, { values: [null, undefined] }])('$values → null', ({ values }) => {
    expect(sumPrinted(values)).toBeNull();
  });
});

describe('show: no exponent', () => {
  it.each([
    { value: '1e21', want: '1000000000000000000000' },
    { value: '1e-7', want: '0.0000001' },
    { value: '371129.24', want: '371129.24' },
    { value: '100.00', want: '100' },
  ])('$value → $want', ({ value, want }) => {
    expect(show(new Decimal(value))).toBe(want);
  });
});
