// npm test: every suite (build, typecheck, lint, unit, integration, e2e), each lane stopping at its
// first failure, then the time each took, so CI shows where its minutes go.
//
// The build comes first: it generates the Prisma client the others type-check and import. Then two
// lanes run side by side. The integration suite runs its files one at a time, which leaves most of
// a core free; beside it run the quick checks (typecheck, lint, unit) and then e2e, whose two
// workers would otherwise wait for the integration suite while a core idled. Output is held and
// printed when a suite ends, except e2e's, which streams, so that no two suites interleave. A held
// suite that fails has the end of its output printed again just above the timings: CI keeps only the
// last lines of a run, and e2e's stream would otherwise push an integration failure out of them.
import { spawn } from 'node:child_process';

interface Suite {
  name: string;
  script: string;
  /** Its output goes straight through rather than being held until it ends. */
  streams?: boolean;
}
interface Timing {
  name: string;
  seconds: number;
  ok: boolean;
  /** The end of a held suite's output, kept when it failed. */
  failureTail?: string;
}

const FAILURE_TAIL_LINES = 60;

const BUILD: Suite = { name: 'build', script: 'build', streams: true };
const CHECKS_THEN_E2E: Suite[] = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'unit', script: 'test:unit' },
  { name: 'e2e', script: 'test:e2e', streams: true },
];
const INTEGRATION: Suite[] = [{ name: 'integration', script: 'test:integration' }];
const SUITE_COUNT = 1 + CHECKS_THEN_E2E.length + INTEGRATION.length;

/** Runs one suite; its output goes straight through, or into `held` when given. */
function runSuite(suite: Suite, held?: Buffer[]): Promise<Timing> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', suite.script], { stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    child.stdout?.on('data', (chunk: Buffer) => held?.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => held?.push(chunk));
    const done = (ok: boolean) => resolve({ name: suite.name, seconds: (performance.now() - started) / 1000, ok });
    child.on('error', () => done(false));
    child.on('close', (code) => done(code === 0));
  });
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/** Runs suites one after another, stopping at the first that fails; held output is printed as each ends. */
async function runLane(suites: Suite[]): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const suite of suites) {
    const held: Buffer[] = [];
    const timing = await runSuite(suite, suite.streams ? undefined : held);
    const output = Buffer.concat(held);
    process.stdout.write(output);
    if (!timing.ok && held.length > 0) timing.failureTail = lastLines(output.toString('utf8'), FAILURE_TAIL_LINES);
    timings.push(timing);
    if (!timing.ok) break;
  }
  return timings;
}

const allOk = (timings: Timing[]) => timings.every((timing) => timing.ok);

const started = performance.now();
const timings: Timing[] = await runLane([BUILD]);
if (allOk(timings)) timings.push(...(await Promise.all([runLane(CHECKS_THEN_E2E), runLane(INTEGRATION)])).flat());

const failed = !allOk(timings) || timings.length < SUITE_COUNT;
for (const { name, failureTail } of timings) {
  if (failureTail) console.log(`\nThe end of ${name}'s output, again (it failed):\n${failureTail}`);
}
const line = (name: string, seconds: number, mark: string) => `  ${name.padEnd(12)} ${seconds.toFixed(1).padStart(7)} s  ${mark}`;
console.log('\nTime per suite (typecheck, lint, unit and e2e run beside integration):');
for (const { name, seconds, ok } of timings) console.log(line(name, seconds, ok ? 'passed' : 'FAILED'));
console.log(line('total', (performance.now() - started) / 1000, failed ? 'FAILED' : 'passed'));
process.exit(failed ? 1 : 0);
