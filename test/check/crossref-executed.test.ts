import { describe, expect, it } from 'vitest';
import { crossrefExecuted } from '../../src/check/rules/crossref-executed.js';
import type { Indicator, Measure, Record } from '../../src/schema/record.js';
import { core, makeIndicator, makeRecord, measure, NATIONAL, withTotalFunds } from './make-record.js';

const cost = (actual: Measure | null, level1 = '产出指标', level2 = '成本指标'): Indicator =>
  makeIndicator({ level1, level2, level3: '项目成本控制', actual });

/** Funds executed 371129.24 元, one quantity indicator, then the indicator under test. */
const form = (indicator: Indicator, executed: string | null = '371129.24'): Record =>
  withTotalFunds({ executed }, { indicators: [makeIndicator({ level1: '产出指标', level2: '数量指标' }), indicator] });

describe('crossref.executed: a cost indicator’s actual amount = the funds executed amount', () => {
  describe('fires', () => {
    it.each<{ name: string; indicator: Indicator; found: string }>([
      { name: '元: 360000元', indicator: cost(measure('360000元', null, '360000', '元')), found: '360000' },
      { name: '万元 is converted: 37.11万元 → 371100', indicator: cost(measure('37.11万元', null, '37.11', '万元')), found: '371100' },
      { name: 'with a comparator: ≤40万元 → 400000', indicator: cost(measure('≤40万元', '<=', '40', '万元')), found: '400000' },
      {
        name: '成本指标 as the 一级 label, 经济成本指标 as the 二级',
        indicator: cost(measure('360000元', null, '360000', '元'), '成本指标', '经济成本指标'),
        found: '360000',
      },
      {
        name: '成本指标 as the 一级 label, no 二级',
        indicator: makeIndicator({ level1: '成本指标', level2: null, actual: measure('360000元', null, '360000', '元') }),
        found: '360000',
      },
    ])('$name', ({ indicator, found }) => {
      expect(core(crossrefExecuted.check(form(indicator), NATIONAL))).toEqual([
        { rule: 'crossref.executed', severity: 'warning', field: 'indicators[1].actual', expected: '371129.24', found },
      ]);
    });
  });

  describe('does not fire', () => {
    it.each<{ name: string; indicator: Indicator; executed?: string | null }>([
      { name: '元, same amount', indicator: cost(measure('371129.24元', null, '371129.24', '元')) },
      { name: '万元, same amount after conversion', indicator: cost(measure('37.112924万元', null, '37.112924', '万元')) },
      { name: 'same amount, different trailing zeros', indicator: cost(measure('371129.240元', null, '371129.240', '元')) },
      { name: 'not a cost indicator', indicator: makeIndicator({ level1: '产出指标', level2: '数量指标', actual: measure('360000元', null, '360000', '元') }) },
      { name: 'a cost indicator in %', indicator: cost(measure('95%', null, '95', '%')) },
      { name: 'a cost indicator without a unit', indicator: cost(measure('360000', null, '360000', null)) },
      { name: 'a qualitative cost indicator', indicator: cost(measure('控制在预算内', null, null, null)) },
      { name: 'no actual', indicator: cost(null) },
      { name: 'no funds executed amount', indicator: cost(measure('360000元', null, '360000', '元')), executed: null },
    ])('$name', ({ indicator, executed }) => {
      expect(crossrefExecuted.check(form(indicator, executed === undefined ? '371129.24' : executed), NATIONAL)).toEqual([]);
    });

    it('no funds at all', () => {
      const record = makeRecord({ indicators: [cost(measure('360000元', null, '360000', '元'))] });
      expect(crossrefExecuted.check(record, NATIONAL)).toEqual([]);
    });
  });

  it('the message says what was expected and what came', () => {
    expect(crossrefExecuted.check(form(cost(measure('37.11万元', null, '37.11', '万元'))), NATIONAL)[0]?.message).toBe(
      'cost indicator 项目成本控制 reports 37.11万元 (371100 元) but the funds table executed 371129.24 元',
    );
  });
});
