// Every figure of the period reports, one function each, in the order of the page. A measure reads
// the period's scans (report-queries.server.ts), which each run at most once per period, and
// returns one of the shapes of measures.ts. Adding a measure is one entry here and one label,
// `reports:measures.<key>` in the three locale files (a unit test checks the labels).
import { CHANNELS, WARNING_LEVELS } from '#app/features/cases/attributes.ts';
import { outcomesOfClass, type OutcomeClass } from '#app/features/cases/claims.ts';
import { DECLINE_REASONS } from '#app/features/cases/decline-reasons.ts';
import { SOLVED } from '#app/features/cases/follow-up.ts';
import { CASE_KINDS } from '#app/features/cases/kinds.ts';
import {
  inOrder,
  largestFirst,
  MIN_RATINGS_TO_RANK,
  type Dimension,
  type MeasureValue,
  type RankingRow,
  type Section,
} from './measures.ts';
import {
  scanAcceptance,
  scanClusters,
  scanEvents,
  scanIntake,
  scanOutcomes,
  scanRatings,
  scanReply,
  scanTargets,
  type CountedEvent,
  type IntakeRow,
  type OutcomeSource,
  type ResolvedScope,
  type ScanWindow,
  type StepRow,
} from './report-queries.server.ts';
import { noSteps } from './scan-parts.ts';

/** The period's scans, each started on first use and shared by every measure that needs it. */
export interface PeriodScans {
  intake(): Promise<IntakeRow[]>;
  acceptance(): Promise<StepRow[]>;
  reply(): Promise<StepRow[]>;
  events(): Promise<Awaited<ReturnType<typeof scanEvents>>>;
  ratings(): Promise<Awaited<ReturnType<typeof scanRatings>>>;
  targets(): Promise<Awaited<ReturnType<typeof scanTargets>>>;
  clusters(): Promise<Awaited<ReturnType<typeof scanClusters>>>;
  outcomes(): Promise<Awaited<ReturnType<typeof scanOutcomes>>>;
}

export function periodScans(scope: ResolvedScope, window: ScanWindow): PeriodScans {
  const once = <T>(run: () => Promise<T>) => {
    let started: Promise<T> | undefined;
    return () => (started ??= run());
  };
  return {
    intake: once(() => scanIntake(scope, window)),
    acceptance: once(() => scanAcceptance(scope, window)),
    reply: once(() => scanReply(scope, window)),
    events: once(() => scanEvents(scope, window)),
    ratings: once(() => scanRatings(scope, window)),
    targets: once(() => scanTargets(scope, window)),
    clusters: once(() => scanClusters(scope, window)),
    outcomes: once(() => scanOutcomes(scope, window)),
  };
}

interface MeasureDefinition {
  section: Section;
  compute: (scans: PeriodScans) => Promise<MeasureValue>;
}

const measure = (section: Section, compute: MeasureDefinition['compute']): MeasureDefinition => ({ section, compute });

// Helpers that read the scans.
const count = (value: number): MeasureValue => ({ type: 'count', value });

const intakeTotal = (rows: IntakeRow[]) => rows.find((row) => row.set === 'total')?.n ?? 0;

function intakeBreakdown(rows: IntakeRow[], set: 'channel' | 'kind' | 'category' | 'area' | 'unit' | 'bucket', dimension: Dimension) {
  return rows.filter((row) => row.set === set).map((row) => ({ key: (dimension === 'unit' ? row.unit : row[set]) ?? '', count: row.n }));
}

const stepTotal = (rows: StepRow[]) => rows.find((row) => row.set === 'total') ?? noSteps();

const rate = (rows: StepRow[]): MeasureValue => {
  const total = stepTotal(rows);
  return { type: 'rate', numerator: total.onTime, denominator: total.settled };
};

const days = (rows: StepRow[]): MeasureValue => {
  const total = stepTotal(rows);
  return { type: 'days', n: total.done, median: total.median, p90: total.p90 };
};

async function eventCount(scans: PeriodScans, type: CountedEvent): Promise<number> {
  return (await scans.events()).filter((row) => row.type === type).reduce((sum, row) => sum + row.n, 0);
}

/** Late steps (acceptance and reply) settled in the period, per unit or category. */
async function lateBy(scans: PeriodScans, set: 'unit' | 'category'): Promise<Map<string, number>> {
  const late = new Map<string, number>();
  for (const rows of [await scans.acceptance(), await scans.reply()]) {
    for (const row of rows) {
      const key = row[set];
      if (row.set !== set || key === null || row.settled === row.onTime) continue;
      late.set(key, (late.get(key) ?? 0) + row.settled - row.onTime);
    }
  }
  return late;
}

async function lateTotal(scans: PeriodScans): Promise<number> {
  const a = stepTotal(await scans.acceptance());
  const r = stepTotal(await scans.reply());
  return a.settled - a.onTime + (r.settled - r.onTime);
}

/** The rows of one source of the outcomes scan, as a breakdown's rows. */
async function outcomeRows(scans: PeriodScans, source: OutcomeSource): Promise<{ key: string; count: number }[]> {
  return (await scans.outcomes()).filter((row) => row.source === source).map((row) => ({ key: row.key, count: row.n }));
}

async function outcomeCount(scans: PeriodScans, source: OutcomeSource, key?: string): Promise<number> {
  return (await outcomeRows(scans, source)).filter((row) => key === undefined || row.key === key).reduce((sum, row) => sum + row.count, 0);
}

/** Declines by standard reason, every reason shown; declines recorded without one (before reasons were asked) as one row keyed ''. */
async function declinesByReason(scans: PeriodScans): Promise<MeasureValue> {
  const rows = await outcomeRows(scans, 'decline');
  const unrecorded = rows.find((row) => row.key === '')?.count ?? 0;
  return {
    type: 'breakdown',
    dimension: 'declineReason',
    rows: [...inOrder(DECLINE_REASONS, rows), ...(unrecorded > 0 ? [{ key: '', count: unrecorded }] : [])],
  };
}

/** The claims answered in the period with the outcomes of one class (逐条答复), every outcome of the class shown. */
async function claimOutcomes(scans: PeriodScans, outcomeClass: OutcomeClass): Promise<MeasureValue> {
  return { type: 'breakdown', dimension: 'outcome', rows: inOrder(outcomesOfClass(outcomeClass), await outcomeRows(scans, 'claim')) };
}

/** Of the opinions of a stage issued in the period with an outcome, those that changed or overturned the decision. */
async function opinionsChanged(scans: PeriodScans, stage: 'review' | 'reReview'): Promise<MeasureValue> {
  const rows = (await outcomeRows(scans, stage)).filter((row) => row.key !== '');
  const changed = rows.filter((row) => row.key === 'CHANGED' || row.key === 'OVERTURNED').reduce((sum, row) => sum + row.count, 0);
  return { type: 'rate', numerator: changed, denominator: rows.reduce((sum, row) => sum + row.count, 0) };
}

const RANK_LIMIT = 10;

function ranking(dimension: Dimension, order: 'most' | 'lowest', rows: RankingRow[]): MeasureValue {
  const sorted = [...rows].sort((a, b) => (order === 'most' ? b.value - a.value : a.value - b.value) || a.key.localeCompare(b.key));
  return { type: 'ranking', dimension, order, rows: sorted.slice(0, RANK_LIMIT) };
}

function mostCases(rows: IntakeRow[], set: 'unit' | 'category', field: 'n' | 'complaints'): RankingRow[] {
  return rows
    .filter((row) => row.set === set && row[set] !== null && row[field] > 0)
    .map((row) => ({ key: row[set]!, value: row[field], n: row.n }));
}

async function lowestSatisfaction(scans: PeriodScans, set: 'unit' | 'category'): Promise<RankingRow[]> {
  return (await scans.ratings())
    .filter((row) => row.set === set && row[set] !== null && row.mean !== null && row.n >= MIN_RATINGS_TO_RANK)
    .map((row) => ({ key: row[set]!, value: row.mean!, n: row.n }));
}

/** The registry. Its keys name the measures; its order is the page's. */
export const MEASURES = {
  // Intake
  received: measure('intake', async (s) => count(intakeTotal(await s.intake()))),
  receivedTrend: measure('intake', async (s) => ({
    type: 'breakdown',
    dimension: 'bucket',
    rows: intakeBreakdown(await s.intake(), 'bucket', 'bucket').sort((a, b) => a.key.localeCompare(b.key)),
  })),
  receivedByChannel: measure('intake', async (s) => ({
    type: 'breakdown',
    dimension: 'channel',
    rows: inOrder(CHANNELS, intakeBreakdown(await s.intake(), 'channel', 'channel')),
  })),
  receivedByKind: measure('intake', async (s) => ({
    type: 'breakdown',
    dimension: 'kind',
    rows: inOrder(CASE_KINDS, intakeBreakdown(await s.intake(), 'kind', 'kind')),
  })),
  receivedByCategory: measure('intake', async (s) => ({
    type: 'breakdown',
    dimension: 'category',
    rows: largestFirst(intakeBreakdown(await s.intake(), 'category', 'category'), 30),
  })),
  receivedByArea: measure('intake', async (s) => ({
    type: 'breakdown',
    dimension: 'area',
    rows: largestFirst(intakeBreakdown(await s.intake(), 'area', 'area'), 20),
  })),
  receivedByUnit: measure('intake', async (s) => ({
    type: 'breakdown',
    dimension: 'unit',
    rows: largestFirst(intakeBreakdown(await s.intake(), 'unit', 'unit'), 30),
  })),

  // Timeliness (arts. 22, 23, 34)
  acceptedOnTime: measure('timeliness', async (s) => rate(await s.acceptance())),
  repliedOnTime: measure('timeliness', async (s) => rate(await s.reply())),
  daysToAcceptance: measure('timeliness', async (s) => days(await s.acceptance())),
  daysToReply: measure('timeliness', async (s) => days(await s.reply())),
  extensionsGranted: measure('timeliness', async (s) => count(await eventCount(s, 'EXTENDED'))),
  deadlinesMissed: measure('timeliness', async (s) => count(await lateTotal(s))),

  // Decisions
  decided: measure('decisions', async (s) => count(stepTotal(await s.acceptance()).done)),
  declined: measure('decisions', async (s) => count(await eventCount(s, 'DECLINED'))),
  mergedAsDuplicates: measure('decisions', async (s) => count(await eventCount(s, 'MERGED'))),
  declinedByReason: measure('decisions', declinesByReason),
  // The reply's outcome of each claim, by the statute's classes (arts. 29, 32).
  outcomesRequest: measure('decisions', (s) => claimOutcomes(s, 'request')),
  outcomesSuggestion: measure('decisions', (s) => claimOutcomes(s, 'suggestion')),
  outcomesReport: measure('decisions', (s) => claimOutcomes(s, 'report')),
  outcomesInquiry: measure('decisions', (s) => claimOutcomes(s, 'inquiry')),
  // Completion reports (art. 22(3)) decided in the period: sent back for rework, and accepted.
  reportsReturned: measure('decisions', async (s) => count(await outcomeCount(s, 'report', 'RETURNED'))),
  reportsAccepted: measure('decisions', async (s) => count(await outcomeCount(s, 'report', 'ACCEPTED'))),

  // Reviews (arts. 35, 36)
  reviewRequests: measure('reviews', async (s) => count(await eventCount(s, 'REVIEW_REQUESTED'))),
  reReviewRequests: measure('reviews', async (s) => count(await eventCount(s, 'RE_REVIEW_REQUESTED'))),
  reviewOpinionsChanged: measure('reviews', (s) => opinionsChanged(s, 'review')),
  reReviewOpinionsChanged: measure('reviews', (s) => opinionsChanged(s, 'reReview')),

  // Satisfaction (art. 21)
  satisfactionMean: measure('satisfaction', async (s) => {
    const total = (await s.ratings()).find((row) => row.set === 'total');
    return { type: 'mean', n: total?.n ?? 0, mean: total?.mean ?? null };
  }),
  satisfactionSolved: measure('satisfaction', async (s) => {
    const total = (await s.ratings()).find((row) => row.set === 'total');
    return {
      type: 'breakdown',
      dimension: 'solved',
      rows: [
        { key: 'YES', count: total?.solved ?? 0 },
        { key: 'PARTLY', count: total?.partly ?? 0 },
        { key: 'NO', count: total?.notSolved ?? 0 },
      ],
    };
  }),
  // The follow-up after the reply (回访): questions asked in the period, and the answers given in it.
  checkInsSent: measure('satisfaction', async (s) => count(await outcomeCount(s, 'checkInSent'))),
  checkInAnswers: measure('satisfaction', async (s) => ({
    type: 'breakdown',
    dimension: 'solved',
    rows: inOrder(SOLVED, await outcomeRows(s, 'checkInAnswer')),
  })),

  // Early warning
  levelsRaised: measure('warnings', async (s) => {
    const raised = (await s.events()).filter((row) => row.raisedTo !== null);
    const rows = WARNING_LEVELS.filter((level) => level !== 'NONE').map((level) => ({
      key: level,
      count: raised.filter((row) => row.raisedTo === level).reduce((sum, row) => sum + row.n, 0),
    }));
    return { type: 'breakdown', dimension: 'level', rows };
  }),
  targetsMet: measure('warnings', async (s) => count((await s.targets()).met)),
  targetsMissed: measure('warnings', async (s) => count((await s.targets()).missed)),
  clustersOpened: measure('warnings', async (s) => count((await s.clusters()).opened)),
  clustersConfirmed: measure('warnings', async (s) => count((await s.clusters()).confirmed)),
  clustersResolved: measure('warnings', async (s) => count((await s.clusters()).resolved)),
  clustersDissolved: measure('warnings', async (s) => count((await s.clusters()).dissolved)),

  // Where the work is
  unitsMostCases: measure('rankings', async (s) => ranking('unit', 'most', mostCases(await s.intake(), 'unit', 'n'))),
  categoriesMostCases: measure('rankings', async (s) => ranking('category', 'most', mostCases(await s.intake(), 'category', 'n'))),
  unitsMostOverdue: measure('rankings', async (s) =>
    ranking(
      'unit',
      'most',
      [...(await lateBy(s, 'unit'))].map(([key, value]) => ({ key, value, n: value })),
    ),
  ),
  categoriesMostOverdue: measure('rankings', async (s) =>
    ranking(
      'category',
      'most',
      [...(await lateBy(s, 'category'))].map(([key, value]) => ({ key, value, n: value })),
    ),
  ),
  unitsLowestSatisfaction: measure('rankings', async (s) => ranking('unit', 'lowest', await lowestSatisfaction(s, 'unit'))),
  categoriesLowestSatisfaction: measure('rankings', async (s) => ranking('category', 'lowest', await lowestSatisfaction(s, 'category'))),

  // The annual report's contents (art. 41): the units complained about most, and the forwarding,
  // assignment and supervision work.
  unitsMostComplaints: measure('article41', async (s) => ranking('unit', 'most', mostCases(await s.intake(), 'unit', 'complaints'))),
  forwarded: measure('article41', async (s) => count(await eventCount(s, 'FORWARDED'))),
  assigned: measure('article41', async (s) => count(await eventCount(s, 'ASSIGNED'))),
  // 督办 items opened in the period (arts. 44, 45): a case that missed a statutory date, taken up by the unit above.
  supervised: measure('article41', async (s) => count(await outcomeCount(s, 'supervision'))),
} satisfies Record<string, MeasureDefinition>;

export type MeasureKey = keyof typeof MEASURES;
export const MEASURE_KEYS = Object.keys(MEASURES) as MeasureKey[];
