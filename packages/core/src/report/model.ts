/**
 * The report model: an intermediate document that renderers turn into HTML, PDF, DOCX, XLSX and
 * JSON. It is built once by a pure function (build-report.ts) and holds every text in both
 * languages and every number as a string already formatted from Decimal (half-up, thousands
 * separators) — renderers never calculate, and both languages share the same number strings.
 */
import type { ProvisionStatus } from '../frameworks/assess-completeness.js';
import type { Disaggregation } from '../model/fact.js';
import type { LocalisedText } from '../model/text.js';

/** A formatted number: `text` as printed ("1,234.50"); `plain` without separators ("1234.50"). */
export type NumberText = { readonly text: string; readonly plain: string };

export type Cell =
  | { readonly kind: 'text'; readonly text: LocalisedText }
  | { readonly kind: 'number'; readonly value: NumberText; readonly figureId?: string }
  | { readonly kind: 'empty' };

export type TableBlock = {
  readonly kind: 'table';
  readonly id: string;
  readonly caption: LocalisedText;
  readonly head: readonly LocalisedText[];
  readonly rows: readonly (readonly Cell[])[];
  /** Per row: 0 a headline row, 1 a breakdown under the row above (indented); absent: all 0. */
  readonly levels?: readonly number[];
};

export type ChartSeries = { readonly name: LocalisedText; readonly values: readonly (NumberText | null)[] };

/** A point of the materiality matrix: x = importance to the business, y = to stakeholders (0..5). */
export type MatrixPoint = {
  readonly label: LocalisedText;
  readonly x: NumberText;
  readonly y: NumberText;
  readonly category: string;
  readonly isPlaceholder: boolean;
};

export type ChartBlock =
  | {
      readonly kind: 'chart';
      readonly chart: 'bar' | 'stacked-bar';
      readonly id: string;
      readonly title: LocalisedText;
      readonly unit: LocalisedText;
      readonly categories: readonly LocalisedText[];
      readonly series: readonly ChartSeries[];
    }
  | {
      readonly kind: 'chart';
      readonly chart: 'matrix';
      readonly id: string;
      readonly title: LocalisedText;
      readonly xTitle: LocalisedText;
      readonly yTitle: LocalisedText;
      readonly points: readonly MatrixPoint[];
    };

/**
 * A narrative placeholder that did not resolve prints as ⟦…⟧ inside the paragraph's text
 * (narrative-text.ts); renderers highlight it. No figure's text contains ⟦.
 */
export const UNRESOLVED_MARKER = /⟦[^⟧]*⟧/g;

export type Block =
  | {
      readonly kind: 'paragraph';
      readonly text: LocalisedText;
      /** "user": from the bundle (escape, keep line breaks); "placeholder": stands in for missing text. */
      readonly role: 'user' | 'generated' | 'placeholder';
    }
  | { readonly kind: 'note'; readonly text: LocalisedText }
  | { readonly kind: 'subheading'; readonly text: LocalisedText }
  /** The content index of a framework: rows from ReportModel.contentIndex, pages added by the PDF renderer. */
  | { readonly kind: 'content-index'; readonly framework: ReportIndexRow['framework'] }
  | TableBlock
  | ChartBlock
  /** Highlights: KPI tiles, each a figure's value as the tables print it (issuer-sections.ts). */
  | { readonly kind: 'kpi-tiles'; readonly tiles: readonly KpiTile[] }
  /** A picture from the bundle (a case study's): PNG bytes as a data: URI, described in both languages. */
  | { readonly kind: 'image'; readonly id: string; readonly dataUri: string; readonly alt: LocalisedText };

/** A highlight: the label, the figure's printed value (null: not calculated) and unit. */
export type KpiTile = {
  readonly figureId: string | null;
  readonly label: LocalisedText;
  readonly value: NumberText | null;
  readonly unit: LocalisedText;
};

export type Section = {
  readonly id: string;
  /** Printed section number, "3.2". Same in every language. */
  readonly number: string;
  readonly title: LocalisedText;
  readonly blocks: readonly Block[];
  readonly sections: readonly Section[];
};

/** One reported figure with its comparative, as printed. */
export type ReportFigure = {
  readonly id: string;
  readonly indicatorId: string;
  /** The report section the figure belongs to. */
  readonly sectionId: string;
  readonly label: LocalisedText;
  readonly unit: LocalisedText;
  readonly entityId: string;
  readonly entity: LocalisedText;
  readonly periodId: string;
  readonly disaggregation: Disaggregation;
  readonly precision: number;
  /** Exact value (Decimal.toString(), no rounding) for the JSON and the XLSX Calculations sheet. */
  readonly exact: string | null;
  readonly current: NumberText | null;
  readonly priorId: string | null;
  readonly prior: NumberText | null;
  /**
   * The comparative years printed beside the current one (the bundle's prior years, most recent
   * first, at most two): each year's value at the figure's precision, null where the data has none.
   * All null for a row of a prior-year figure without a current counterpart (`prior` carries it).
   */
  readonly priors: readonly { readonly periodId: string; readonly value: NumberText | null }[];
  /** Change against the prior year in per cent, one decimal place, signed ("+5.3"); null when not defined. */
  readonly change: NumberText | null;
  /**
   * Set when the change exceeds the report's threshold (change-notes.ts): the explanation from
   * registers.explanations (subject = this figure's id), or null when none is given — a
   * publication-gate item.
   */
  readonly swing?: { readonly explanation: LocalisedText | null };
  /** When the figure could not be calculated: the error message (printed instead of a number). */
  readonly error?: string;
  readonly method?: string;
};

export type ReportIndexRow = {
  readonly framework: 'hkex' | 'gri' | 'sasac';
  readonly code: string;
  /** The code as printed in the index ("KPI A1.1"). */
  readonly label: string;
  readonly title: LocalisedText;
  /** Sections that disclose the provision; renderers print their numbers and, in PDF, pages. */
  readonly sectionIds: readonly string[];
  readonly status?: ProvisionStatus;
  readonly explanation?: LocalisedText;
};

export type FigureGroup = {
  readonly sectionId: string;
  readonly title: LocalisedText;
  readonly figures: readonly ReportFigure[];
};

/**
 * Whether the report may be published (docs/report.md, "Draft and final"). The app decides it
 * from the collection cycle's records (app/use-cases/report-status.ts) and passes it in as data:
 * `units` counts the workflow units (entity × period × topic) of the current year that hold
 * data, `unapproved` those of them not approved.
 */
export type ReportStatusInput =
  | { readonly state: 'final'; readonly units: number }
  | { readonly state: 'draft'; readonly units: number; readonly unapproved: number };

/** One thing that keeps a report from being final (publication-gate.ts), counted, in both languages. */
export type GateBlocker = {
  readonly kind:
    | 'unapproved'
    | 'errors'
    | 'unresolved'
    | 'unbound'
    | 'placeholder'
    | 'unexplained'
    | 'issuer';
  readonly count: number;
  readonly text: LocalisedText;
};

/**
 * The status as printed: a draft carries the sentence under the DRAFT mark and the list of what
 * blocks publication (first page), in both languages. `unapproved` may be 0 when other items block.
 */
export type ReportStatus =
  | { readonly state: 'final'; readonly units: number }
  | {
      readonly state: 'draft';
      readonly units: number;
      readonly unapproved: number;
      readonly note: LocalisedText;
      readonly blockers: readonly GateBlocker[];
    };

/**
 * The restatement note (GRI 2-4; restatement-note.ts), as data for the JSON and the XLSX sheet;
 * HTML, PDF and DOCX print it from its section's blocks (`sectionId`). Values are exact decimal
 * text (no rounding); the section's tables print them formatted.
 */
export type RestatementNote = {
  readonly sectionId: string;
  /** The base year and its policy; null when none is set. */
  readonly baseYear: {
    readonly year: string;
    readonly thresholdPercent: string;
    readonly triggers: readonly string[];
    /** The base year's Scope 1 + 2 (location-based) as it stands, tCO2e; null when not calculated. */
    readonly scope12: string | null;
  } | null;
  readonly restatements: readonly RestatementNoteEntry[];
};

export type RestatementNoteEntry = {
  readonly id: number;
  /** structural-change, methodology or error-correction. */
  readonly change: string;
  readonly changeLabel: LocalisedText;
  /** The reason as the requester wrote it (one language). */
  readonly reason: string;
  readonly approvedAt: string;
  readonly approvedBy: string;
  readonly items: readonly {
    readonly kind: 'data-point' | 'activity-line';
    readonly factId: string;
    readonly entityId: string;
    readonly entity: LocalisedText;
    readonly periodId: string;
    readonly label: LocalisedText;
    readonly unit: string;
    /** As first reported (exact); null for a fact the restatement adds. */
    readonly before: string | null;
    readonly after: string;
  }[];
  /** The group's Scope 1 + 2 (location-based) of each year the restatement moves, tCO2e. */
  readonly totals: readonly {
    readonly periodId: string;
    readonly before: string | null;
    readonly after: string | null;
  }[];
  /** The significance test on the base year, when the restatement moves it. */
  readonly baseYear: {
    readonly year: string;
    readonly before: string;
    readonly after: string;
    readonly delta: string;
    /** |Δ| / before × 100, exact; null when before is zero. */
    readonly percent: string | null;
    readonly cumulativePercent: string | null;
    readonly thresholdPercent: string;
    readonly significant: boolean;
  } | null;
};

export type ReportModel = {
  readonly title: LocalisedText;
  /** Draft (printed with a DRAFT mark on every page) or final. */
  readonly status: ReportStatus;
  /** Restatements of earlier-period information (GRI 2-4); null when there is nothing to state. */
  readonly restatementNote: RestatementNote | null;
  readonly organisation: LocalisedText;
  readonly stockCode?: string;
  readonly currentYear: string;
  readonly priorYear: string | null;
  readonly sections: readonly Section[];
  /** Every year-period figure, grouped by report section, in report order. */
  readonly figureGroups: readonly FigureGroup[];
  readonly contentIndex: readonly ReportIndexRow[];
  /** Fixed labels the renderers need (table heads, TOC title…), from the glossary. */
  readonly labels: ReportLabels;
};

export type ReportLabels = Readonly<
  Record<
    | 'contents'
    | 'indicator'
    | 'unit'
    | 'entity'
    | 'change'
    | 'section'
    | 'page'
    | 'code'
    | 'provision'
    | 'status'
    | 'placeholder'
    | 'draftForReview'
    | 'draft'
    | 'notCalculated'
    | 'hkexIndex'
    | 'griIndex'
    | 'sasacIndex'
    | 'statusDisclosed'
    | 'statusPartlyDisclosed'
    | 'statusExplained'
    | 'statusMissing',
    LocalisedText
  >
>;
