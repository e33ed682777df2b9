// Plain-text output: the results table, the page weight and the verdict against the target.
import { errorCount, type ScenarioResult } from './load.ts';
import { totalGzip, type PageWeight } from './weight.ts';

export interface Target {
  submissionsPerSecond: number;
  p99Ms: number;
}

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

function meetsTarget(result: ScenarioResult, target: Target): boolean {
  return result.successPerSecond >= target.submissionsPerSecond && result.p99 < target.p99Ms;
}

export function targetSummary(submissions: readonly ScenarioResult[], target: Target, cpus: number): string {
  const lines = submissions.map((r) => {
    const verdict = meetsTarget(r, target) ? 'MEETS' : 'MISSES';
    return `  ${String(r.connections).padStart(3)} connections: ${r.successPerSecond.toFixed(1)} submissions/s, p99 ${ms(r.p99)} ms → ${verdict}`;
  });
  const passing = submissions.filter((r) => meetsTarget(r, target));
  const best = [...submissions].sort((a, b) => b.successPerSecond - a.successPerSecond)[0];
  const verdict = passing.length
    ? `PASS: the target is met at ${passing.map((r) => r.connections).join(', ')} connections.`
    : `FAIL: no concurrency level reaches both figures` +
      (best ? ` (best throughput ${best.successPerSecond.toFixed(1)}/s at ${best.connections} connections, p99 ${ms(best.p99)} ms).` : '.');
  return [
    `Target: ≥ ${target.submissionsPerSecond} successful submissions/s with p99 < ${target.p99Ms} ms`,
    `        (10× the UK Parliament petitions peak of 33/s), on this ${cpus}-core machine, app + database + load generator together.`,
    ...lines,
    verdict,
  ].join('\n');
}
