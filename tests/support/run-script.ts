// Runs one of our TypeScript scripts in its own Node process (the WASM schema engine needs
// --experimental-wasm-modules, which the test runner's process does not have).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function runScript(script: string, env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', path.join(root, script)], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
