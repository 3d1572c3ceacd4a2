/**
 * The national 一级/二级 indicator hierarchy of 财政部 performance forms (财预〔2020〕10号 and
 * its provincial copies). A 二级 label printed without its 一级 gets the parent given here.
 * `成本指标` is both a 二级 of 产出指标 (older forms) and a 一级 of its own (2021+ forms).
 */
export const STANDARD_HIERARCHY: Readonly<Record<string, readonly string[]>> = Object.freeze({
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
});
