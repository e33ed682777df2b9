// One autocannon run against one endpoint. Only the expected status (303 for both form POSTs)
// counts as success; latency percentiles are over successful responses, timed by autocannon.
import autocannon from 'autocannon';
import { percentile, sortedAscending } from './stats.ts';

export interface Scenario {
  name: string;
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  successStatus: number;
  request: autocannon.Request;
}

export interface ScenarioResult {
  name: string;
  connections: number;
  elapsedSeconds: number;
  successes: number;
  successPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses with another status, by status code. */
  failedStatuses: Map<number, number>;
  /** Connection errors and timeouts reported by autocannon. */
  transportErrors: number;
  timeouts: number;
}

export function errorCount(result: ScenarioResult): number {
  let failed = 0;
  for (const count of result.failedStatuses.values()) failed += count;
  return failed + result.transportErrors;
}

function runAutocannon(options: autocannon.Options, onResponse: (status: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result: autocannon.Result) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => onResponse(statusCode, responseTime));
  });
}

export async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const latencies: number[] = [];
  const failedStatuses = new Map<number, number>();
  const record = (status: number, ms: number) => {
    if (status === scenario.successStatus) latencies.push(ms);
    else failedStatuses.set(status, (failedStatuses.get(status) ?? 0) + 1);
  };
  const started = performance.now();
  const result = await runAutocannon(
    {
      url: scenario.baseUrl,
      connections: scenario.connections,
      duration: scenario.durationSeconds,
      timeout: 10,
      requests: [scenario.request],
    },
    record,
  );
  // autocannon's own run time (connect to stop); the wall clock only if it reports none.
  const elapsedSeconds = result.duration > 0 ? result.duration : (performance.now() - started) / 1000;
  const sorted = sortedAscending(latencies);
  return {
    name: scenario.name,
    connections: scenario.connections,
    elapsedSeconds,
    successes: latencies.length,
    successPerSecond: latencies.length / elapsedSeconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    failedStatuses,
    transportErrors: result.errors,
    timeouts: result.timeouts,
  };
}
