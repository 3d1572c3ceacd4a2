import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseDecimal, parsePercent, parseScore, printedPrecision, roundHalfUp, type AmountUnit } from '../../src/normalize/number.js';

describe('parseDecimal', () => {
  it.each([
    { input: '371129.24', want: '371129.24' },
    { input: '94.20', want: '94.20' },
    { input: '0', want: '0' },
    { input: '-3.2', want: '-3.2' },
    { input: '+5', want: '5' },
    { input: '.5', want: '0.5' },
    { input: '5.', want: '5' },
  ])('$input → $want', ({ input, want }) => {
    expect(parseDecimal(input)).toBe(want);
  });

  describe('thousands separators', () => {
    it.each([
      { input: '2,530,000.00', want: '2530000.00' },
      { input: '12,345,678', want: '12345678' },
      { input: '1,234.5', want: '1234.5' },
      { input: '1，234', want: '1234' },
    ])('$input → $want', ({ input, want }) => {
      expect(parseDecimal(input)).toBe(want);
    });
  });

  describe('CJK quirks', () => {
    it.each([
      { name: 'PDF line break inside the number', input: '0.90732 3', want: '0.907323' },
      { name: 'OCR spaces between digits', input: '1 2 3 . 4 5', want: '123.45' },
      { name: 'full-width digits and point', input: '１２．５', want: '12.5' },
      { name: 'full-width with separators', input: '１，２３４．５０', want: '1234.50' },
      { name: 'ideographic space around', input: '\u3000394000.00\u3000', want: '394000.00' },
    ])('$name: $input → $want', ({ input, want }) => {
      expect(parseDecimal(input)).toBe(want);
    });
  });

  it.each([
    { name: 'null', input: null },
    { name: 'undefined', input: undefined },
    { name: 'empty', input: '' },
    { name: 'spaces', input: '   ' },
    { name: 'em dash', input: '—' },
    { name: 'double em dash', input: '——' },
    { name: 'hyphen', input: '-' },
    { name: 'full-width hyphen', input: '－' },
    { name: 'slash', input: '/' },
    { name: 'words', input: 'abc' },
    { name: 'Chinese numerals', input: '十二' },
    { name: 'two points', input: '12.3.4' },
    { name: 'percent sign', input: '100%' },
    { name: 'a comma that is not a thousands group', input: '1,23' },
  ])('$name → null', ({ input }) => {
    expect(parseDecimal(input)).toBeNull();
  });
});

describe('parseAmount: converted to 元', () => {
  it.each<{ input: string; unit: AmountUnit | null; want: string }>([
    { input: '371129.24', unit: '元', want: '371129.24' },
    { input: '371129.24', unit: null, want: '371129.24' },
    { input: '2,530,000.00', unit: '元', want: '2530000.00' },
    { input: '0.907323', unit: '万元', want: '9073.23' },
    { input: '253.00', unit: '万元', want: '2530000' },
    { input: '0.0001', unit: '万元', want: '1' },
    { input: '1.23456789', unit: '万元', want: '12345.6789' },
    { input: '3,470.8', unit: '万元', want: '34708000' },
  ])('$input with form unit $unit → $want', ({ input, unit, want }) => {
    expect(parseAmount(input, unit)).toBe(want);
  });

  describe('a unit written in the cell wins over the form unit', () => {
    it.each<{ input: string; unit: AmountUnit | null; want: string }>([
      { input: '14.36184万元', unit: '元', want: '143618.4' },
      { input: '14.36184万元', unit: null, want: '143618.4' },
      { input: '1.5万元', unit: null, want: '15000' },
      { input: '100元', unit: '万元', want: '100' },
      { input: '3,000.5 万元', unit: null, want: '30005000' },
    ])('$input with form unit $unit → $want', ({ input, unit, want }) => {
      expect(parseAmount(input, unit)).toBe(want);
    });
  });

  describe('CJK quirks', () => {
    it.each<{ name: string; input: string; unit: AmountUnit | null; want: string }>([
      { name: 'line break inside the number (contract example)', input: '0.90732 3', unit: '万元', want: '9073.23' },
      { name: 'spaced number and spaced unit (contract example)', input: '14.361 84 万 元', unit: null, want: '143618.4' },
      { name: 'full-width digits in 万元', input: '１２．５', unit: '万元', want: '125000' },
      { name: 'full-width digits and unit in the cell', input: '１２．５ 万元', unit: '元', want: '125000' },
    ])('$name: $input → $want', ({ input, unit, want }) => {
      expect(parseAmount(input, unit)).toBe(want);
    });
  });

  it.each<{ name: string; input: string | null | undefined; unit: AmountUnit | null }>([
    { name: 'null', input: null, unit: '元' },
    { name: 'undefined', input: undefined, unit: '万元' },
    { name: 'empty', input: '', unit: '元' },
    { name: 'em dash', input: '—', unit: '万元' },
    { name: 'hyphen', input: '-', unit: '元' },
    { name: 'full-width hyphen', input: '－', unit: '万元' },
    { name: 'a unit and no number', input: '万元', unit: null },
    { name: 'text', input: '详见附件', unit: '元' },
  ])('$name → null', ({ input, unit }) => {
    expect(parseAmount(input, unit)).toBeNull();
  });
});

describe('parsePercent: the printed number without the sign', () => {
  it.each([
    { input: '94.20%', want: '94.20' },
    { input: '94.20', want: '94.20' },
    { input: '0.00%', want: '0.00' },
    { input: '100.33%', want: '100.33' },
    { input: '100.00 %', want: '100.00' },
    { input: '94.20(%)', want: '94.20' },
    { input: '(94.20%)', want: '94.20' },
  ])('$input → $want', ({ input, want }) => {
    expect(parsePercent(input)).toBe(want);
  });

  describe('CJK quirks', () => {
    it.each([
      { input: '９４．２０％', want: '94.20' },
      { input: '94.20（%）', want: '94.20' },
      { input: '94.20（％）', want: '94.20' },
      { input: '9 4 . 2 0 %', want: '94.20' },
    ])('$input → $want', ({ input, want }) => {
      expect(parsePercent(input)).toBe(want);
    });
  });

  it.each([
    { input: null }, { input: undefined }, { input: '' }, { input: '—' }, { input: '%' }, { input: '(%)' }, { input: '较高' },
  ])('$input → null', ({ input }) => {
    expect(parsePercent(input)).toBeNull();
  });
});

describe('parseScore', () => {
  it.each([
    { input: '10', want: '10' },
    { input: '8.47', want: '8.47' },
    { input: '10.00', want: '10.00' },
    { input: '10分', want: '10' },
    { input: '10 分', want: '10' },
    { input: '１０分', want: '10' },
    { input: '９．４２', want: '9.42' },
  ])('$input → $want', ({ input, want }) => {
    expect(parseScore(input)).toBe(want);
  });

  it.each([{ input: null }, { input: undefined }, { input: '' }, { input: '—' }, { input: '分' }, { input: '满分' }])(
    '$input → null',
    ({ input }) => {
      expect(parseScore(input)).toBeNull();
    },
  );
});

describe('roundHalfUp', () => {
  it.each([
    { value: '86.1302', decimals: 2, want: '86.13' },
    { value: '86.135', decimals: 2, want: '86.14' },
    { value: '86.125', decimals: 2, want: '86.13' },
    { value: '86.1349999', decimals: 2, want: '86.13' },
    { value: '2.5', decimals: 0, want: '3' },
    { value: '3.5', decimals: 0, want: '4' },
    { value: '8.472', decimals: 0, want: '8' },
    { value: '0.005', decimals: 2, want: '0.01' },
    { value: '99.995', decimals: 2, want: '100.00' },
    { value: '1', decimals: 2, want: '1.00' },
    { value: '100', decimals: 0, want: '100' },
    { value: '98.45', decimals: 1, want: '98.5' },
  ])('$value at $decimals → $want', ({ value, decimals, want }) => {
    expect(roundHalfUp(new Decimal(value), decimals)).toBe(want);
  });

  it('rounds the exact quotient, not a float: 29894080.12 ÷ 34708000 × 100 → 86.13', () => {
    expect(roundHalfUp(new Decimal('29894080.12').div('34708000').times(100), 2)).toBe('86.13');
  });
});

describe('printedPrecision', () => {
  it.each([
    { value: '94.20', want: 2 },
    { value: '10', want: 0 },
    { value: '0.5', want: 1 },
    { value: '100.000', want: 3 },
    { value: '8.47', want: 2 },
  ])('$value → $want', ({ value, want }) => {
    expect(printedPrecision(value)).toBe(want);
  });
});
