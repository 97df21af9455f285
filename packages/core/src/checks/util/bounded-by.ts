/**
 * Numbers that other numbers of the same entity and year bound from above, as data: spending
 * cannot exceed revenue, a count of employees cannot exceed the headcount, a saving cannot
 * exceed the consumption it is a saving of. A printed number is bounded by an entry when it
 * claims one of the entry's indicators, or, tied to no figure, when its label matches the
 * entry's pattern and its unit has the entry's dimension. The bound is the first of `bounds`
 * the bundle has (printed, else computed). Shares printed in % whose label says they are a
 * share of a whole are bounded by 100 %.
 */

export type BoundedBy = {
  readonly name: string;
  readonly indicators: readonly string[];
  /** Label words of an untied printed number this entry applies to. */
  readonly label: RegExp;
  /** Label words that exclude it (person-times are not people). */
  readonly unless?: RegExp;
  /** Dimension (units/unitDimension) of the bounded number and of the bound. */
  readonly dimension: string;
  readonly bounds: readonly string[];
};

export const BOUNDED_BY: readonly BoundedBy[] = [
  {
    name: 'spending above revenue',
    indicators: [
      'spend.environmental',
      'spend.safety',
      'spend.rnd',
      'spend.community',
      'spend.training',
      'climate.capex',
    ],
    label: /投入|費用|费用|支出|投資|投资|捐贈|捐赠|捐款|spend|expens|invest|donat/i,
    unless: /累計|累计|cumulative/i,
    dimension: 'currency',
    bounds: ['revenue'],
  },
  {
    name: 'people above headcount',
    indicators: [
      'employees.veterans',
      'employees.disabled',
      'employees.parental-leave',
      'employees.hardship-assisted',
      'training.trained',
      'anticorruption.trained',
      'rnd.staff',
    ],
    label: /員工|员工|職工|职工|employee|staff/i,
    unless: /人次|次|person-times|招聘|hire|流失|left/i,
    dimension: 'count',
    bounds: ['employees.total', 'employees.headcount'],
  },
  {
    name: 'water saved above water withdrawn',
    indicators: ['water.saved'],
    label: /節約|節省|节约|节省|saved|saving/i,
    dimension: 'volume',
    bounds: ['water.withdrawal', 'water.total'],
  },
  {
    name: 'energy saved above energy consumed',
    indicators: [],
    label: /節約|節省|节约|节省|節能|节能|saved|saving/i,
    dimension: 'energy',
    bounds: ['energy.total'],
  },
];

/** Labels of a share of a whole (bounded by 100 %); growth and change may exceed it. */
export const SHARE_LABEL =
  /比例|佔比|占比|比率|覆蓋率|覆盖率|使用率|利用率|share|proportion|coverage|percentage of/i;
export const CHANGE_LABEL =
  /增長|增长|增加|提升|下降|減少|减少|較|较|growth|increase|decrease|change|compared/i;
