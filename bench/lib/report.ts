// Plain-text output: the results table, the page weight and the verdict against the target.
import { errorCount, type ScenarioResult } from './load.ts';
import { totalGzip, type PageWeight } from './weight.ts';

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function errorDetail(result: ScenarioResult): string {
  const parts = [...result.failedStatuses].sort(([a], [b]) => a - b).map(([status, count]) => `${count}× HTTP ${status}`);
  if (result.transportErrors) parts.push(`${result.transportErrors} connection errors (${result.timeouts} timeouts)`);
  return parts.join(', ');
}

export function resultsTable(results: readonly ScenarioResult[]): string {
  const rows = results.map((r) => [
    r.name,
    String(r.connections),
    r.successPerSecond.toFixed(1),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    String(errorCount(r)),
  ]);
  const table = renderTable(['scenario', 'connections', 'req/s (303)', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'], rows);
  const details = results.filter((r) => errorCount(r) > 0).map((r) => `  ${r.name} @ ${r.connections}: ${errorDetail(r)}`);
  const totals = results.map((r) => `  ${r.name} @ ${r.connections}: ${r.successes} × 303 in ${r.elapsedSeconds.toFixed(2)} s`);
  return [table, '', 'Successful responses:', ...totals, ...(details.length ? ['', 'Errors by kind:', ...details] : [])].join('\n');
}

export function weightReport(path: string, weight: PageWeight): string {
  const js = totalGzip(weight.js);
  const css = totalGzip(weight.css);
  const list = (assets: PageWeight['js']) =>
    assets.map((a) => `    ${new URL(a.url).pathname}  ${kb(a.gzipBytes)} gz (${kb(a.rawBytes)} raw)`);
  return [
    `Page weight of ${path} (gzip, zlib default level):`,
    `  HTML: ${kb(weight.html.gzipBytes)} gz (${kb(weight.html.rawBytes)} raw)`,
    `  JS:   ${kb(js)} gz in ${weight.js.length} files`,
    ...list(weight.js),
    `  CSS:  ${kb(css)} gz in ${weight.css.length} files`,
    ...list(weight.css),
    `  Total: ${kb(weight.html.gzipBytes + js + css)} gz`,
  ].join('\n');
}

export interface PortalTarget {
  perSecond: number;
  p99Ms: number;
}

export interface PortalRow {
  build: string;
  result: ScenarioResult;
  /** The ceiling route's rate in the same run and at the same connections. */
  ceiling: number | null;
  target: PortalTarget | undefined;
}

const meets = (result: ScenarioResult, target: PortalTarget) =>
  result.successPerSecond >= target.perSecond && result.p99 < target.p99Ms && errorCount(result) === 0;

const share = (rate: number, ceiling: number | null) => (ceiling ? `${((rate / ceiling) * 100).toFixed(0)}%` : '—');

const targetText = (target: PortalTarget | undefined) => (target ? `≥ ${target.perSecond}/s, p99 < ${target.p99Ms} ms` : '');

export function portalTable(rows: readonly PortalRow[]): string {
  const table = renderTable(
    ['servers', 'scenario', 'connections', 'req/s', 'of ceiling', 'p50 ms', 'p99 ms', 'errors', 'target', ''],
    rows.map(({ build, result, ceiling, target }) => [
      build,
      result.name,
      String(result.connections),
      result.successPerSecond.toFixed(1),
      result.name === 'ceiling' ? '' : share(result.successPerSecond, ceiling),
      ms(result.p50),
      ms(result.p99),
      String(errorCount(result)),
      targetText(target),
      target ? (meets(result, target) ? 'MEETS' : 'MISSES') : '',
    ]),
  );
  const details = rows
    .filter(({ result }) => errorCount(result) > 0)
    .map(({ build, result }) => `  ${build}, ${result.name} @ ${result.connections}: ${errorDetail(result)}`);
  return [table, ...(details.length ? ['', 'Errors by kind:', ...details] : [])].join('\n');
}

export function verdicts(rows: readonly PortalRow[], js: { bytes: number; targetBytes: number } | null): string {
  const withTargets = rows.filter((row) => row.target);
  const missed = withTargets.filter((row) => row.target && !meets(row.result, row.target));
  const lines = [
    missed.length
      ? `MISSES ${missed.length} of ${withTargets.length} rate targets: ${missed.map((r) => `${r.result.name} (${r.build})`).join(', ')}.`
      : `MEETS all ${withTargets.length} rate targets.`,
  ];
  if (js) {
    lines.push(
      `JavaScript on /submit: ${kb(js.bytes)} gzip, target ≤ ${kb(js.targetBytes)} → ${js.bytes <= js.targetBytes ? 'MEETS' : 'MISSES'}`,
    );
  }
  return lines.join('\n');
}

export interface ComparedPair {
  theirs: ScenarioResult | null;
  ours: ScenarioResult;
}

export function comparisonTable(
  compare: { ref: string; commit: string },
  pairs: readonly ComparedPair[],
  jsBytes: { theirs: number; ours: number },
): string {
  // A ref that is itself a commit hash is shown once, short.
  const sameName = compare.commit.startsWith(compare.ref) || compare.ref.startsWith(compare.commit);
  const them = sameName ? compare.commit : `${compare.ref} (${compare.commit})`;
  const rate = (result: ScenarioResult | null) => (result ? result.successPerSecond.toFixed(1) : 'n/a');
  const p99 = (result: ScenarioResult | null) => (result ? ms(result.p99) : 'n/a');
  const table = renderTable(
    ['scenario', 'connections', `${them} req/s`, 'this req/s', 'this ÷ that', `${them} p99`, 'this p99', 'errors (that/this)'],
    pairs.map(({ theirs, ours }) => [
      ours.name,
      String(ours.connections),
      rate(theirs),
      rate(ours),
      theirs ? `${(ours.successPerSecond / theirs.successPerSecond).toFixed(2)}×` : '—',
      p99(theirs),
      p99(ours),
      `${theirs ? errorCount(theirs) : 'n/a'}/${errorCount(ours)}`,
    ]),
  );
  return [
    table,
    '',
    `JavaScript on /submit (gzip): ${them} ${kb(jsBytes.theirs)}, this build ${kb(jsBytes.ours)} (${(jsBytes.ours / jsBytes.theirs).toFixed(2)}×)`,
  ].join('\n');
}
