// npm test: every suite in order (build, typecheck, lint, unit, integration, e2e), stopping at the
// first that fails, then the time each took, so CI shows where its minutes go.
import { spawnSync } from 'node:child_process';

const SUITES: [name: string, script: string][] = [
  ['build', 'build'],
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
  ['unit', 'test:unit'],
  ['integration', 'test:integration'],
  ['e2e', 'test:e2e'],
];

const times: [string, number, boolean][] = [];
let failed = false;
for (const [name, script] of SUITES) {
  const started = performance.now();
  const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  const ok = result.status === 0;
  times.push([name, (performance.now() - started) / 1000, ok]);
  if (!ok) {
    failed = true;
    break;
  }
}

const total = times.reduce((sum, [, seconds]) => sum + seconds, 0);
const line = (name: string, seconds: number, mark: string) => `  ${name.padEnd(12)} ${seconds.toFixed(1).padStart(7)} s  ${mark}`;
console.log('\nTime per suite:');
for (const [name, seconds, ok] of times) console.log(line(name, seconds, ok ? 'passed' : 'FAILED'));
console.log(line('total', total, failed ? 'FAILED' : 'passed'));
process.exit(failed ? 1 : 0);
