/** A column of a report table. */
export interface ReportColumn {
  readonly key: string;
  /** Vietnamese header. */
  readonly label: string;
}

/** A row of a report table: numbers by column key. */
export interface ReportRow {
  readonly key: string;
  readonly label: string;
  readonly values: Readonly<Record<string, number>>;
}

/** One table of a report; `total` is the sum of its rows, column by column. */
export interface ReportTable {
  readonly id: string;
  readonly title: string;
  readonly note?: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly total: Readonly<Record<string, number>>;
}

/** First-response times of cases (working-clock time, as the SLA counts it). */
export interface ResponseTimes {
  readonly count: number;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
}

/** 👍/👎 on answers and 1–5 case ratings. */
export interface Satisfaction {
  readonly thumbsUp: number;
  readonly thumbsDown: number;
  /** thumbsUp / (thumbsUp + thumbsDown), 0..1; null when none. */
  readonly upRate: number | null;
  readonly ratingCount: number;
  readonly ratingSum: number;
  readonly ratingAverage: number | null;
}

/** The headline numbers; each equals the total of the table named beside it. */
export interface ReportTotals {
  /** Chat questions + phone calls (channels, topics, months). */
  readonly contacts: number;
  /** Questions asked in chat, all reply kinds (kinds). */
  readonly chatQuestions: number;
  /** Chat conversations (distinct per person per day, summed over days) + phone calls (channels). */
  readonly conversations: number;
  /** Phone hotline calls (groups, outcomes). */
  readonly calls: number;
  readonly callMinutes: number;
  /** Cases handed to legal-aid staff (channels, topics, eligibility). */
  readonly casesCreated: number;
  /** Cases closed, by outcome (outcomes). */
  readonly casesClosed: number;
  readonly slaBreaches: number;
  readonly slaReminders: number;
  /** Chat questions past a session's or a network's hourly cap: planted traffic, shown apart and not in the totals above. */
  readonly excludedQuestions: number;
  /** Session-hours flagged for going past the cap (one session producing an outsized share). */
  readonly flaggedSessions: number;
  /** Network-hours (web chat, public API) flagged for going past the per-address cap (a script rotating sessions). */
  readonly flaggedAddresses: number;
  /** Days whose counted questions jumped far above the days before (the `unusual-days` table): counted, to be checked. */
  readonly unusualDays: number;
}

/** A report for a range of Vietnamese days, both included. */
export interface Report {
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
  readonly totals: ReportTotals;
  readonly responseTimes: ResponseTimes;
  readonly satisfaction: Satisfaction;
  readonly tables: readonly ReportTable[];
}
