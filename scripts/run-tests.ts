// npm test: every suite in order (build, typecheck and lint side by side, unit, integration, e2e),
// stopping at the first step that fails, then the time each suite took, so CI shows where its
// minutes go.
import { spawn } from 'node:child_process';

// Each step runs its suites side by side: typecheck and lint read the code and write nothing, and
// each leaves a core idle much of the time.
const STEPS: [name: string, script: string][][] = [
  [['build', 'build']],
  [
    ['typecheck', 'typecheck'],
    ['lint', 'lint'],
  ],
  [['unit', 'test:unit']],
  [['integration', 'test:integration']],
  [['e2e', 'test:e2e']],
];

function run(script: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code === 0));
    child.on('error', () => resolve(false));
  });
}

const times: [string, number, boolean][] = [];
const started = performance.now();
let failed = false;
for (const step of STEPS) {
  const results = await Promise.all(
    step.map(async ([name, script]) => {
      const begun = performance.now();
      const ok = await run(script);
      return [name, (performance.now() - begun) / 1000, ok] as [string, number, boolean];
    }),
  );
  times.push(...results);
  if (results.some(([, , ok]) => !ok)) {
    failed = true;
    break;
  }
}

const total = (performance.now() - started) / 1000;
const line = (name: string, seconds: number, mark: string) => `  ${name.padEnd(12)} ${seconds.toFixed(1).padStart(7)} s  ${mark}`;
console.log('\nTime per suite (typecheck and lint run side by side):');
for (const [name, seconds, ok] of times) console.log(line(name, seconds, ok ? 'passed' : 'FAILED'));
console.log(line('total', total, failed ? 'FAILED' : 'passed'));
process.exit(failed ? 1 : 0);
