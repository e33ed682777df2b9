// `npm run bench -- --compare <git-ref>`: the other build, made in a temporary git worktree with
// its own node_modules (its dependencies may differ), so both can be served side by side.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './server.ts';

export interface ComparisonBuild {
  ref: string;
  /** The commit the ref named when the build was made. */
  commit: string;
  root: string;
  remove: () => void;
}

function run(command: string, args: readonly string[], cwd: string, log: (message: string) => void): string {
  log(`${path.relative(projectRoot, cwd) || '.'}$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${(result.stderr || result.stdout).slice(-4000)}`);
  }
  return result.stdout.trim();
}

export function prepareComparisonBuild(ref: string, log: (message: string) => void): ComparisonBuild {
  const commit = run('git', ['rev-parse', '--verify', `${ref}^{commit}`], projectRoot, log);
  const parent = mkdtempSync(path.join(os.tmpdir(), 'pd-bench-compare-'));
  const root = path.join(parent, 'app');
  const remove = () => {
    spawnSync('git', ['worktree', 'remove', '--force', root], { cwd: projectRoot, stdio: 'ignore' });
    rmSync(parent, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune'], { cwd: projectRoot, stdio: 'ignore' });
  };
  try {
    run('git', ['worktree', 'add', '--detach', root, commit], projectRoot, log);
    run('npm', ['ci', '--no-audit', '--no-fund'], root, log);
    run('npm', ['run', 'build'], root, log);
  } catch (error) {
    remove();
    throw error;
  }
  return { ref, commit: commit.slice(0, 7), root, remove };
}
