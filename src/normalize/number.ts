import { Decimal } from 'decimal.js';
import { foldFullWidth, isDash, removeWhitespace } from './text.js';

/**
 * Reads a printed number as a decimal string: `2,530,000.00` → `2530000.00`, `0.90732 3` → `0.907323`
 * (a PDF line break inside the number). Returns null for empty and dash cells, and for anything
 * that is not a number. Never passes through a float.
 */
export function parseDecimal(text: string | null | undefined): string | null {
  if (text == null) return null;
  let s = foldFullWidth(removeWhitespace(text));
  if (s === '' || isDash(s)) return null;
  s = s.replace(/(\d)[,，](?=\d{3}(\D|$))/g, '$1');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  s = s.replace(/^\+/, '');
  if (s.startsWith('.')) s = `0${s}`;
  if (s.endsWith('.')) s = s.slice(0, -1);
  return s;
}

/** A score or weight: a plain number, optionally followed by 分. */
export function parseScore(text: string | null | undefined): string | null {
  if (text == null) return null;
  return parseDecimal(foldFullWidth(removeWhitespace(text)).replace(/分$/, ''));
}

/** A percentage cell: `94.20%` → `94.20`; a bare number is taken as already in percent. */
export function parsePercent(text: string | null | undefined): string | null {
  if (text == null) return null;
  const s = foldFullWidth(removeWhitespace(text)).replace(/^\(?(.*?)\)?$/, '$1');
  return parseDecimal(s.replace(/[(（]?%[)）]?$/, ''));
}

export type AmountUnit = '元' | '万元';

/**
 * An amount converted to 元. `unit` is the unit the form prints its money in; a unit written in the
 * cell itself (`14.36184万元`) wins. 万元 × 10000 is exact (decimal.js); 元 keeps its printed digits.
 */
export function parseAmount(text: string | null | undefined, unit: AmountUnit | null): string | null {
  if (text == null) return null;
  let s = foldFullWidth(removeWhitespace(text));
  let cellUnit: AmountUnit | null = null;
  const m = /^(.*?)(万元|元)$/.exec(s);
  if (m) {
    s = m[1]!;
    cellUnit = m[2] as AmountUnit;
  }
  const value = parseDecimal(s);
  if (value === null) return null;
  return (cellUnit ?? unit) === '万元' ? new Decimal(value).times(10000).toFixed() : value;
}

/** Digits after the decimal point as printed: `94.20` → 2, `10` → 0. */
export function printedPrecision(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** Half-up rounding at a number of decimals, as a fixed string. */
export function roundHalfUp(value: Decimal, decimals: number): string {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}
