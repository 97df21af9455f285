/**
 * The reviewer's panel on the Cycle page (pages/cycle/unit-review.tsx; docs/workflow.md, "The web
 * page") in English, i18next namespace `review`. `{name}` marks a value filled in by t().
 */
export const review = {
  /** The toggle on each unit row (distinct from the workflow's "Review" action). */
  toggle: 'Review data',
  toggleOn: 'Review data: {topic}',
  title: 'Review: {entity} · {topic} · {period}',
  loading: 'Loading the unit’s data…',
  comparedBoth: 'Compared with the previous period ({previous}) and the same period last year ({lastYear}).',
  comparedYear: 'Compared with last year ({lastYear}).',
  dataPoints: 'Data points',
  activityLines: 'Activity lines',
  indicator: 'Indicator',
  breakdown: 'Breakdown',
  line: 'Line',
  thisPeriod: 'This period ({period})',
  previous: 'Previous period ({period})',
  lastYear: 'Same period last year ({period})',
  /** A year's previous period is last year: one comparison. */
  lastYearOnly: 'Last year ({period})',
  change: 'Change',
  changeAgainst: 'Change against {period}',
  none: '—',
  noComparison: 'no value to compare',
  noFacts: 'No data points or activity lines on this topic for the period.',
  legend:
    'Highlighted: a change of 10 % or more; in red: 100 % or more. Changes are in per cent, rounded half-up to one decimal.',
  'level.notable': '(change of 10 % or more)',
  'level.large': '(change of 100 % or more)',
  findings: 'The checker’s findings on this unit',
  noFindings: 'The checker has no findings on this unit.',
  'severity.error': 'Error',
  'severity.warning': 'Warning',
  'severity.info': 'Note',
  openFigure: 'Open the figure',
};
