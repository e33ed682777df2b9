// `npm run bench [-- options]`: the portal benchmark, then the back-office queue over 1,000,000
// cases, clustering over 100,000 open cases, and the reports over 1,000,000 cases, each printing
// its figures. The heavy parts can be skipped, so the portal alone takes under three minutes.
//
//   --portal-only              only the portal benchmark (same as --skip queue,clustering,reports)
//   --skip queue,clustering,reports
//   --compare <git-ref>        also build <git-ref> in a temporary worktree and run the portal
//                              benchmark on both builds side by side (implies --portal-only)
//   --connections 50           autocannon connections, comma-separated (10,50,100 for all three)
//   --workers 1,2              WEB_CONCURRENCY values to run the portal with
//   --duration 10              seconds per measured scenario
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { prepareComparisonBuild, type ComparisonBuild } from './lib/comparison-build.ts';
import { projectRoot } from './lib/server.ts';
import { benchmarkPortal } from './portal.ts';

const HEAVY_PARTS = ['queue', 'clustering', 'reports'] as const;

const numberList = z
  .string()
  .transform((text) => text.split(',').map((part) => Number(part.trim())))
  .pipe(z.array(z.number().int().positive()).min(1));

const Options = z.object({
  'portal-only': z.boolean().default(false),
  skip: z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(HEAVY_PARTS))),
  compare: z.string().min(1).optional(),
  connections: numberList.default([50]),
  workers: numberList.default([1, 2]),
  duration: z.coerce.number().int().min(1).max(120).default(10),
});

const { values } = parseArgs({
  options: {
    'portal-only': { type: 'boolean' },
    skip: { type: 'string' },
    compare: { type: 'string' },
    connections: { type: 'string' },
    workers: { type: 'string' },
    duration: { type: 'string' },
  },
  strict: true,
});
const options = Options.parse(values);

function runPart(part: (typeof HEAVY_PARTS)[number]): void {
  const result = spawnSync(
    process.execPath,
    ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx', path.join('bench', `${part}.ts`)],
    { cwd: projectRoot, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`the ${part} benchmark failed (exit ${result.status ?? result.signal})`);
}

let compare: ComparisonBuild | undefined;
try {
  if (options.compare) compare = prepareComparisonBuild(options.compare, (m) => process.stderr.write(`[bench compare] ${m}\n`));
  await benchmarkPortal({
    connections: options.connections,
    workerCounts: options.workers,
    durationSeconds: options.duration,
    ...(compare ? { compare } : {}),
  });
} finally {
  compare?.remove();
}
if (!options['portal-only'] && !options.compare) {
  for (const part of HEAVY_PARTS) if (!options.skip.includes(part)) runPart(part);
}
