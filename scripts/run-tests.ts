// npm test: every suite (build, typecheck, lint, unit, integration, e2e), stopping before the next
// stage when one fails, then the time each took, so CI shows where its minutes go.
//
// The build comes first: it generates the Prisma client the others type-check and import. Then two
// lanes run side by side, because the integration suite runs its files one at a time and leaves a
// core free: the quick checks (typecheck, lint, unit), whose output is held and printed when the
// lane ends so that the two never interleave, and the integration suite. e2e comes last, on its
// own: its two workers keep both cores busy.
import { spawn } from 'node:child_process';

interface Suite {
  name: string;
  script: string;
}
interface Timing {
  name: string;
  seconds: number;
  ok: boolean;
}

const BUILD: Suite[] = [{ name: 'build', script: 'build' }];
const QUICK_CHECKS: Suite[] = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'unit', script: 'test:unit' },
];
const INTEGRATION: Suite[] = [{ name: 'integration', script: 'test:integration' }];
const E2E: Suite[] = [{ name: 'e2e', script: 'test:e2e' }];

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

/** Runs suites one after another, stopping at the first that fails. */
async function runLane(suites: Suite[], holdOutput = false): Promise<Timing[]> {
  const held: Buffer[] = [];
  const timings: Timing[] = [];
  for (const suite of suites) {
    const timing = await runSuite(suite, holdOutput ? held : undefined);
    timings.push(timing);
    if (!timing.ok) break;
  }
  if (holdOutput) process.stdout.write(Buffer.concat(held));
  return timings;
}

const allOk = (timings: Timing[]) => timings.every((timing) => timing.ok);

const timings: Timing[] = [];
const stages: (() => Promise<Timing[][]>)[] = [
  async () => [await runLane(BUILD)],
  () => Promise.all([runLane(QUICK_CHECKS, true), runLane(INTEGRATION)]),
  async () => [await runLane(E2E)],
];
const started = performance.now();
for (const stage of stages) {
  const lanes = await stage();
  timings.push(...lanes.flat());
  if (!lanes.every(allOk)) break;
}

const failed = !allOk(timings) || timings.length < BUILD.length + QUICK_CHECKS.length + INTEGRATION.length + E2E.length;
const line = (name: string, seconds: number, mark: string) => `  ${name.padEnd(12)} ${seconds.toFixed(1).padStart(7)} s  ${mark}`;
console.log('\nTime per suite (typecheck, lint and unit run beside integration):');
for (const { name, seconds, ok } of timings) console.log(line(name, seconds, ok ? 'passed' : 'FAILED'));
console.log(line('total', (performance.now() - started) / 1000, failed ? 'FAILED' : 'passed'));
process.exit(failed ? 1 : 0);
